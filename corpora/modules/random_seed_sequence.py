# Seeded sequences equal CPython's: int seeds of any size and sign, bool and
# float seeds, reseeding restarts the sequence.
import random

for s in [0, 1, 42, -42, 2**32, 2**32 - 1, 12345678901234567890123456789, True, 3.0, 1.5, -2.75]:
    random.seed(s)
    print(s, [random.random() for _ in range(3)])
random.seed(7)
a = [random.random() for _ in range(5)]
random.seed(7)
b = [random.random() for _ in range(5)]
print(a == b, all(0.0 <= x < 1.0 for x in a))
random.seed(a=99)
print(random.random())
random.seed(2024)
xs = [random.random() for _ in range(700)]
print(xs[0], xs[623], xs[624], xs[699])
