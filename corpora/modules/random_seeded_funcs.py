# random with a fixed seed: randint, choice, shuffle, uniform (rounded), sample are reproducible.
import random
random.seed(12345)
print([random.randint(1, 100) for _ in range(5)], random.randrange(0, 100, 7), random.choice("abcdef"))
l = list(range(10))
random.shuffle(l)
print(l, random.sample(range(50), 4), round(random.uniform(1, 2), 6), round(random.random(), 6))
random.seed(12345)
print(random.randint(1, 100))
for call in [lambda: random.randint(5, 1), lambda: random.choice([]), lambda: random.sample([1, 2], 3), lambda: random.randrange(0)]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
