# io streams as context managers and as file-like objects for user code.
import io

with io.StringIO() as s:
    s.write('inside')
    print(s.closed, s.getvalue())
print(s.closed)
with io.BytesIO(b'abc') as b:
    print(b.read())
print(b.closed)
try:
    with io.StringIO('q') as s:
        raise KeyError('boom')
except KeyError as e:
    print('KeyError', e, s.closed)

def report(out, rows):
    for name, n in rows:
        out.write('%-6s %3d\n' % (name, n))
    return out

r = report(io.StringIO(), [('apple', 3), ('fig', 12), ('kiwi', 100)])
print(r.getvalue(), end='')
r.seek(0)
print([line.split()[0] for line in r])
lines = io.StringIO('\n'.join(str(i) for i in range(10)))
print(sum(int(x) for x in lines))
