# choice over sequences of every kind; shuffle permutes in place as CPython.
import random

random.seed(3)
print([random.choice('abcdefg') for _ in range(10)])
print([random.choice([10, 20, 30]) for _ in range(6)], random.choice((None,)), random.choice(range(100, 200)))
print(random.choice(b'xyz'), random.choice([[1], [2]]))
l = list(range(15))
random.shuffle(l)
print(l, sorted(l) == list(range(15)))
words = ['w%d' % i for i in range(8)]
random.shuffle(words)
print(words)
one = [1]
random.shuffle(one)
empty = []
random.shuffle(empty)
print(one, empty)
ba = bytearray(b'abcdef')
random.shuffle(ba)
print(ba)
for bad in [[], '', ()]:
    try:
        random.choice(bad)
    except IndexError as e:
        print('IndexError', e)
try:
    random.choice({1: 2})
except Exception as e:
    print(type(e).__name__, e)
