# io.StringIO seek/tell/truncate/getvalue and reading in pieces.
import io
s = io.StringIO("line1\nline2\nline3")
print(repr(s.read(3)), s.tell(), repr(s.readline()), repr(s.readline()), repr(s.read()), repr(s.read()))
s.seek(0)
print(s.readlines())
s.seek(0)
print([l for l in s])
w = io.StringIO()
w.write("hello world")
w.seek(6)
w.write("WORLD!")
print(repr(w.getvalue()), w.tell())
w.truncate(5)
print(repr(w.getvalue()))
w.seek(0, 2)
w.write("+")
print(repr(w.getvalue()))
w.close()
try:
    w.write("x")
except ValueError as e:
    print("ValueError", e)
print(w.closed)
try:
    io.StringIO().write(5)
except TypeError as e:
    print("TypeError", e)
