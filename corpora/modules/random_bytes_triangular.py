# randbytes (the generator's words, little-endian) and triangular.
import random

random.seed(17)
print(random.randbytes(0), random.randbytes(1), random.randbytes(5), random.randbytes(9))
print(len(random.randbytes(100)), random.getrandbits(8))
random.seed(17)
print([random.triangular() for _ in range(3)])
print([random.triangular(10, 20) for _ in range(2)], [random.triangular(0, 10, 9) for _ in range(3)])
print(random.triangular(5, 5, 5), random.triangular(low=1, high=2, mode=1), random.Random(3).randbytes(4))
try:
    random.randbytes(-1)
except ValueError as e:
    print('ValueError', e)
