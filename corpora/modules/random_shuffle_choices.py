# random.seed reproducibility across calls: same seed gives same sequence for getrandbits/randrange/shuffle.
import random
def draw():
    l = list(range(8))
    random.shuffle(l)
    return [random.getrandbits(16), random.randrange(1000), random.randint(-5, 5), l, random.choice(l)]
random.seed(7)
first = draw()
random.seed(7)
second = draw()
print(first == second, first)
random.seed("text seed")
print(random.randrange(10 ** 6))
random.seed(2 ** 70)
print(random.getrandbits(40))
print(random.getrandbits(0))
try:
    random.getrandbits(-1)
except ValueError as e:
    print("ValueError", e)
