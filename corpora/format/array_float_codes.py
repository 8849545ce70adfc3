# array: 'f' (single precision) and 'd' items, conversions and errors
from array import array

for t in 'fd':
    a = array(t, [0.1, -2.5, 1, 10 ** 20, float('inf'), -0.0, 1e-45, 3.4e38, 1e39])
    print(t, a.itemsize, a, a.tolist())
    print([x.hex() for x in a])
    for bad in ['x', None, [1.0], 2 ** 2000]:
        try:
            a.append(bad)
        except (TypeError, OverflowError) as e:
            print(t, type(e).__name__, e)
n = array('d', [float('nan')])
print(n, n[0] != n[0], array('f', [float('nan')]))
print(array('f', [0.1]) == array('d', [0.1]), array('f', [0.5]) == array('d', [0.5]))
