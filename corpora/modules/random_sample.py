# sample: the pool algorithm for small populations and the set algorithm for
# large ones give CPython's exact picks.
import random

random.seed(8)
print(random.sample(range(10), 10))
print(random.sample([1, 2, 3, 4, 5], 3), random.sample('abcdef', 2), random.sample((7, 8, 9), 0))
print(random.sample(range(100), 10))
print(random.sample(range(10**9), 6))
print(random.sample(range(1000), 30))
print(sorted(random.sample(range(50), 50)) == list(range(50)))
pop = ['x', 'y', 'z']
print(random.sample(pop, k=2), pop)
for args in [([1, 2], 3), ([1], -1), ({1, 2}, 1), ({'a': 1}, 1)]:
    try:
        random.sample(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
