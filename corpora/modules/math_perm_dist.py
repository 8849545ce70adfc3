# math.perm/comb edge cases and math.dist/hypot with several dimensions (rounded).
import math
print(math.perm(5), math.perm(5, 2), math.perm(5, 0), math.perm(5, 6), math.comb(10, 3), math.comb(10, 0), math.comb(3, 5), math.comb(50, 25))
for call in [lambda: math.perm(-1), lambda: math.comb(5, -1), lambda: math.comb(5.0, 2), lambda: math.perm(3, "a")]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
print(math.dist((0, 0), (3, 4)), round(math.dist([1, 2, 3], [4, 5, 6]), 9), math.hypot(), math.hypot(5), math.hypot(3, 4, 12))
try:
    math.dist((1, 2), (1,))
except ValueError as e:
    print("ValueError", e)
