# uniform, gauss (rounded: it goes through sin/cos/log) and choices with and
# without weights.
import random

random.seed(21)
print([random.uniform(1, 2) for _ in range(3)], random.uniform(5, 5), random.uniform(3, -3))
print([round(random.gauss(), 9) for _ in range(4)], round(random.gauss(10, 0.5), 9), round(random.gauss(mu=1, sigma=0), 9))
random.seed(22)
print(random.choices('abc', k=8))
print(random.choices(range(4), [10, 1, 1, 1], k=8))
print(random.choices('xyz', cum_weights=[1, 1, 5], k=6), random.choices([5]), random.choices('ab', k=0))
for kw in [dict(weights=[0, 0]), dict(weights=[1]), dict(weights=[1, 1], cum_weights=[1, 2])]:
    try:
        random.choices('ab', **kw)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    random.uniform('a', 1)
except TypeError as e:
    print('TypeError', e)
