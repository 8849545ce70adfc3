# micropython.heap_lock/heap_unlock/heap_locked: allocation fails while locked,
# locks nest, work resumes after unlocking. Expected output written by hand:
# CPython has no micropython module (MicroPython's unix port prints the same).
import micropython

def attempt(n):
    micropython.heap_lock()
    try:
        x = [0] * n
        r = 'ok'
    except MemoryError:
        r = 'MemoryError'
    micropython.heap_unlock()
    return r

print(micropython.heap_locked())
print(attempt(100), attempt(1000))
micropython.heap_lock()
micropython.heap_lock()
d1 = micropython.heap_locked()
a = micropython.heap_unlock()
b = micropython.heap_unlock()
c = micropython.heap_unlock()
print(d1, a, b, c)
big = [i * i for i in range(200)]
print(sum(big), micropython.heap_locked())
