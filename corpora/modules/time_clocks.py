# The clocks' types and ordering (values themselves are not deterministic),
# sleep, and MicroPython's ticks arithmetic where it exists.
import time

t = time.time()
print(type(t).__name__, t > 1.6e9, type(time.time_ns()).__name__, abs(time.time_ns() / 1e9 - t) < 60)
a = time.monotonic()
b = time.monotonic()
print(b >= a, type(time.monotonic_ns()).__name__, time.monotonic_ns() <= time.monotonic_ns())
p = time.perf_counter()
print(type(p).__name__, time.perf_counter() >= p, type(time.perf_counter_ns()).__name__)
print(type(time.process_time()).__name__, time.process_time() >= 0)
t0 = time.monotonic()
time.sleep(0.02)
print(time.monotonic() - t0 >= 0.015)
time.sleep(0)
time.sleep(True)
if hasattr(time, 'ticks_diff'):
    ok = time.ticks_diff(5, 2**30 - 3) == 8 and time.ticks_diff(2**30 - 3, 5) == -8
    ok = ok and time.ticks_add(2**30 - 1, 2) == 1 and time.ticks_diff(time.ticks_ms(), time.ticks_ms()) <= 0
else:
    ok = True
print(ok)
for bad in [-1, -0.5, 'x', None]:
    try:
        time.sleep(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
