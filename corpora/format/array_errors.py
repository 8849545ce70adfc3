# array: constructor and method errors
from array import array

for args in [(), ('x',), ('bb',), (5,), ('b', 'abc'), ('d', b'\x00'), ('b', 5), ('b', [1], 3), ('', [])]:
    try:
        print(array(*args))
    except (TypeError, ValueError) as e:
        print(args[:1], type(e).__name__, e)
a = array('b', [1, 2, 3])
tests = [lambda: a[3], lambda: a[-4], lambda: a['x'], lambda: a.pop(5), lambda: array('b').pop(),
         lambda: a.index(9), lambda: a.remove(9), lambda: a.extend(array('h', [1])), lambda: a.extend(5),
         lambda: a.frombytes('ab'), lambda: array('h').frombytes(b'\x01'), lambda: a.append(),
         lambda: a.append(1, 2), lambda: a.tolist(1), lambda: hash(a) and 0, lambda: a.fromlist((1,)),
         lambda: a.fromlist([1, 1000]), lambda: a.insert(0)]
for t in tests:
    try:
        print(t())
    except (IndexError, ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, str(e).replace("'array.array'", "'array'"))
print(a)
for stmt in ['a[5] = 1', 'a[0] = 300', 'a[0] = 1.5', 'a[0:1] = [1]', 'a[0:1] = array("h", [1])',
             'a[::2] = array("b", [1])', 'del a[7]']:
    try:
        exec(stmt)
    except (IndexError, ValueError, TypeError, OverflowError) as e:
        print(stmt, type(e).__name__, e)
print(a)
