# gc.threshold (MicroPython semantics: -1 when off, else the byte count after
# which an allocation collects, rounded down to whole blocks), gc.enable/disable,
# gc.verify and gc.collect. Expected output written by hand: CPython's gc has no
# threshold() or verify() (MicroPython's unix port prints the same for these).
import gc

print(gc.threshold())
gc.threshold(4096)
print(gc.threshold())
gc.threshold(1000)
print(gc.threshold())
keep = []
for i in range(500):
    junk = [i] * 10
    if i % 50 == 0:
        keep.append(junk)
print(len(keep), sum(k[0] for k in keep))
gc.disable()
print(gc.isenabled(), gc.threshold())
for i in range(100):
    junk = str(i) * 5
gc.enable()
print(gc.isenabled())
gc.threshold(-1)
print(gc.threshold())
gc.threshold(0)
print(gc.threshold())
gc.threshold(-5)
print(gc.threshold())
print(gc.verify())
gc.collect()
print(gc.verify(), gc.mem_alloc() > 0, gc.mem_free() > 0)
for bad in ('x', 1.5):
    try:
        gc.threshold(bad)
    except TypeError:
        print('TypeError')
try:
    gc.verify(1)
except TypeError:
    print('TypeError')
