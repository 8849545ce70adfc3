# Random objects: independent generators with every method, and
# getstate/setstate replaying a sequence exactly.
import random

r = random.Random(42)
print(type(r).__name__, r.random(), r.randint(1, 100), r.choice('xyz'))
random.seed(42)
print(random.random())
a, b = random.Random(7), random.Random(7)
print([a.random() for _ in range(3)] == [b.random() for _ in range(3)])
a.random()
print(a.random() != b.random())
g = random.Random('text seed')
print(g.getrandbits(64), g.randrange(0, 1000, 5), g.sample(range(30), 4), g.uniform(2, 3))
l = list(range(10))
g.shuffle(l)
print(l, round(g.gauss(0, 1), 9), g.choices('ab', k=4))
g.seed(99)
h = random.Random(99)
print(g.random() == h.random())
s = random.getstate()
x = [random.random() for _ in range(3)]
random.setstate(s)
print(x == [random.random() for _ in range(3)], s[0], len(s[1]), s[2])
st = r.getstate()
y = r.randrange(10**20)
r.setstate(st)
print(y == r.randrange(10**20))
random.setstate(r.getstate())
print(random.random() == r.random())
for bad in [(1, 2), (3, (1, 2), None), 'x']:
    try:
        random.setstate(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
