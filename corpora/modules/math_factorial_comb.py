# factorial, comb, perm: small and big results, symmetry, errors.
import math

print([math.factorial(n) for n in range(13)])
print(math.factorial(25), len(str(math.factorial(300))), math.factorial(True))
print(math.comb(10, 3), math.comb(10, 0), math.comb(10, 10), math.comb(5, 7), math.comb(0, 0))
print(math.comb(100, 50), math.comb(60, 30) == math.comb(60, 30), math.comb(2**70, 2))
print([math.comb(6, k) for k in range(7)])
print(math.perm(5), math.perm(5, 2), math.perm(5, 0), math.perm(5, 6), math.perm(5, None), math.perm(30, 20))
print(math.perm(2**65, 2) == 2**65 * (2**65 - 1))

def attempt(f, *a):
    try:
        print(f.__name__, a, f(*a))
    except Exception as e:
        print(f.__name__, a, type(e).__name__, e)

attempt(math.factorial, -1)
attempt(math.factorial, 5.0)
attempt(math.factorial, 'x')
attempt(math.factorial, 10**20)
attempt(math.comb, -1, 2)
attempt(math.comb, 5, -2)
attempt(math.comb, 5.0, 2)
attempt(math.perm, -3)
attempt(math.perm, 4, -1)
attempt(math.comb, 5)
