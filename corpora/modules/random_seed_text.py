# Seeding with str, bytes and bytearray: CPython's version-2 seeds, the text
# and its SHA-512 digest read as one big int.
import random

for s in ['', 'a', 'hello', 'héllo wörld', 'x' * 300, b'', b'bytes', b'\x00\xff' * 70, bytearray(b'ba')]:
    random.seed(s)
    print(repr(s)[:24], random.random(), random.randrange(1000), random.getrandbits(40))
random.seed('same')
a = random.random()
random.seed(b'same')
print(a == random.random())
random.seed('spam')
print(random.sample(range(20), 5), random.choice('abcdefghij'))
