# print(..., file=) into io.StringIO / BytesIO-less text streams; sep, end and flush arguments.
import io
import json

s = io.StringIO()
print('a', 1, None, file=s)
print('b', 'c', sep='-', end='!\n', file=s)
print(file=s)
print([1, 2], {'k': (3,)}, file=s, flush=True)
print(repr(s.getvalue()))
s.seek(0)
print(s.readlines())
out = io.StringIO()
for i in range(3):
    print(i, i * i, sep=':', file=out)
print(out.getvalue(), end='')
log = io.StringIO()
json.dump({'x': [1, 2]}, log)
print(file=log)
print(len(log.getvalue()), repr(log.getvalue()))
try:
    print('x', file=io.BytesIO())
except TypeError as e:
    print(type(e).__name__, e)
closed = io.StringIO()
closed.close()
try:
    print('x', file=closed)
except ValueError as e:
    print(type(e).__name__, e)
