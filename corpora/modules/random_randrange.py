# randrange and randint consume the generator as CPython's rejection sampling.
import random

random.seed(11)
print([random.randrange(10) for _ in range(15)])
print([random.randrange(5, 10) for _ in range(10)])
print([random.randrange(0, 100, 7) for _ in range(8)])
print([random.randrange(50, 0, -3) for _ in range(8)])
print([random.randint(1, 6) for _ in range(15)])
print([random.randint(-3, -1) for _ in range(6)], random.randint(7, 7))
print(random.randrange(2**70), random.randrange(-2**65, 2**65), random.randrange(1), random.randint(0, 10**25))
print(random.randrange(10.0), random.randrange(start=3, stop=9), random.randrange(2, 20, step=5))

def attempt(f, *a):
    try:
        print(f(*a))
    except Exception as e:
        print(type(e).__name__, e)

attempt(random.randrange, 0)
attempt(random.randrange, -5)
attempt(random.randrange, 5, 5)
attempt(random.randrange, 10, 2)
attempt(random.randrange, 0, 10, 0)
attempt(random.randrange, 0, 10, -1)
attempt(random.randrange, 1.5)
attempt(random.randrange, 'a')
attempt(random.randint, 5, 1)
attempt(random.randint, 1.5, 3)
