# io.BytesIO read/write/seek/getvalue/truncate and type errors.
import io
b = io.BytesIO(b"0123456789")
print(b.read(3), b.tell(), b.read(), b.read(), b.seek(-4, 2), b.read(2), b.seek(1), b.read(1))
b.seek(0)
print(b.readline(), io.BytesIO(b"a\nb\nc").readlines())
w = io.BytesIO()
print(w.write(b"hello"), w.write(bytearray(b" there")), w.getvalue(), w.tell())
w.seek(2)
w.write(b"LL")
print(w.getvalue())
w.truncate(4)
print(w.getvalue())
w.seek(10)
w.write(b"!")
print(w.getvalue())
try:
    w.write("str")
except TypeError as e:
    print("TypeError", e)
w.close()
try:
    w.getvalue()
except ValueError as e:
    print("ValueError", e)
