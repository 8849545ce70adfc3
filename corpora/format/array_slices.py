# array: extended-slice deletion and assignment, self-assignment, formatting an array
from array import array
print(array('d', [True, False]), array('f', [True]))
a = array('i', range(10)); del a[::-3]; print(a)
a = array('i', range(10)); del a[8:2:-2]; print(a)
a = array('i', range(10)); a[8:2:-2] = array('i', [0, 0, 0]); print(a)
a = array('i', range(5)); a[1:3] = a; print(a)
a = array('i', range(5)); a.extend(a); print(a)
print('%s' % array('b', [1]), '{}'.format(array('b')), f'{array("d", [1.5])!r}')
