# array: the integer typecodes, their ranges, sizes and overflow errors
from array import array

limits = {'b': (-128, 127), 'B': (0, 255), 'h': (-32768, 32767), 'H': (0, 65535),
          'i': (-2 ** 31, 2 ** 31 - 1), 'I': (0, 2 ** 32 - 1), 'l': (-2 ** 63, 2 ** 63 - 1),
          'L': (0, 2 ** 64 - 1), 'q': (-2 ** 63, 2 ** 63 - 1), 'Q': (0, 2 ** 64 - 1)}
for t in 'bBhHiIlLqQ':
    lo, hi = limits[t]
    a = array(t, [lo, hi, 0, 1])
    print(t, a.itemsize, a.typecode, a, a.tolist(), len(a.tobytes()))
    for bad in [lo - 1, hi + 1, 2 ** 64, -(2 ** 64), 2 ** 100, -(2 ** 100)]:
        try:
            a.append(bad)
            print(t, 'accepted', bad)
        except OverflowError as e:
            print(t, bad.bit_length(), bad < 0, type(e).__name__, e)
    for bad in [1.0, '1', None]:
        try:
            a.append(bad)
        except TypeError as e:
            print(t, type(e).__name__, e)
print(array('b', [True, False]), array('H', range(5)), array('q', (x * x for x in range(4))))
