# micropython.const, opt_level and stack_use. Expected output written by hand:
# CPython has no micropython module (MicroPython's unix port prints the same).
import micropython
from micropython import const

X = const(123)
Y = const(X * 2)
print(X, Y, const('s'), const(None), const((1, 2)))
print(micropython.opt_level())
micropython.opt_level(0)
print(micropython.opt_level())
print(type(micropython.stack_use()).__name__, micropython.stack_use() > 0)
for f in (lambda: const(), lambda: const(1, 2)):
    try:
        f()
    except TypeError:
        print('TypeError')
