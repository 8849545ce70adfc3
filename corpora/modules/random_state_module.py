# The generator's state belongs to the module: a second import sees the same
# state, and functions taken out of the module still share it.
import random
from random import random as rnd, seed

seed(100)
a = rnd()
import random as again
again.seed(100)
print(a == random.random(), again is random)
seed(1)
x = random.randint(0, 1000)
seed(1)
print(x == again.randint(0, 1000), x)
try:
    random.seed([1, 2])
except TypeError as e:
    print('TypeError', e)
try:
    random.seed({})
except TypeError as e:
    print('TypeError', e)
random.seed()
print(0 <= random.random() < 1)
