# Text processing through io.StringIO: line iteration, tell after each line, rewriting, writelines of generated lines.
import io

src = io.StringIO('name,qty\napple,3\npear,10\n\nplum,7')
header = src.readline().rstrip('\n').split(',')
rows = []
pos = [src.tell()]
for line in src:
    pos.append(src.tell())
    line = line.strip()
    if line:
        rows.append(dict(zip(header, line.split(','))))
print(header, rows, pos)
out = io.StringIO()
out.writelines('%s=%s\n' % (r['name'], int(r['qty']) * 2) for r in rows)
print(out.getvalue(), end='')
out.seek(0)
out.write('APPLE')
print(out.getvalue().splitlines())
print(out.read(), out.tell(), len(out.getvalue()))
b = io.BytesIO()
for i in range(5):
    b.write(bytes([65 + i]) * (i + 1))
    b.write(b'\n')
b.seek(0)
print([len(l) for l in b], sum(1 for c in b.getvalue() if c == 10))
