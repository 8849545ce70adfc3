# iter(callable, sentinel) stops at the sentinel; iter() argument errors.
data = [3, 2, 1, 0, 5]
pos = [0]
def nxt():
    v = data[pos[0]]
    pos[0] += 1
    return v
print(list(iter(nxt, 0)), pos[0])
counter = iter(range(10))
print(list(iter(lambda: next(counter), 4)))
import io
f = io.StringIO("a\nb\n\nc\n")
print(list(iter(f.readline, "\n")))
for call in [lambda: iter(5, 0), lambda: iter([], 1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
def boom():
    raise ValueError("inside")
try:
    list(iter(boom, None))
except ValueError as e:
    print("ValueError", e)
