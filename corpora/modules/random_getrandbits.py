# getrandbits for widths below, at and above one 32-bit word, and big widths.
import random

random.seed(5)
print([random.getrandbits(k) for k in [0, 1, 2, 7, 8, 31, 32, 33, 63, 64, 65]])
print(random.getrandbits(100), random.getrandbits(128), random.getrandbits(200).bit_length() <= 200)
random.seed(5)
r = [random.getrandbits(1) for _ in range(40)]
print(r, sum(r))
for bad in [-1, 'a', 2.0]:
    try:
        random.getrandbits(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
