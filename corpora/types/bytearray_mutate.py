# bytearray mutation: item/slice assignment, append/extend/insert/pop/remove, +=, *=.
ba = bytearray(b"hello")
ba[0] = 72
ba[1] = 69
ba[-1] = 79
print(ba)
ba.append(33); ba.extend(b"ab"); ba.extend([99, 100]); ba.insert(0, 62); ba.insert(-1, 45)
print(ba, ba.pop(), ba)
ba.remove(33)
print(ba)
for call in [lambda: ba.append(256), lambda: ba.remove(7), lambda: ba.__setitem__(0, -1), lambda: bytearray().pop()]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
try:
    ba.append("a")
except TypeError as e:
    print("TypeError", e)
del ba[::2]
print(ba)
ba += b"++"
ba = ba + ba
print(ba, len(ba))
ba.clear()
print(ba, bytearray(3), bytearray([1, 2]), bytearray("ab", "ascii"))
c = bytearray(b"abcdef")
c.reverse()
print(c, c.copy(), c.hex(), bytearray.fromhex("4142"))
c.clear()
print(c)
