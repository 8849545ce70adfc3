for x in [None, [1], 1.5, True, -2, 97, b'a', bytearray(b'b'), 300, b'']:
    try:
        print(repr(x), x in b'ab', x in bytearray(b'ab'))
    except Exception as e:
        print(repr(x), type(e).__name__, e)
nan = float('nan'); print([nan].count(nan), [nan] == [nan], (nan,) == (nan,), [nan].index(nan), nan in [nan], {1: nan} == {1: nan}, (nan,) < (nan, 1))
b = bytearray(b'abcd'); print(b.pop(0), b.pop(-2), b.pop(), b)
try:
    bytearray().pop()
except IndexError as e: print(e)
try:
    bytearray(b'a').pop(5)
except IndexError as e: print(e)
