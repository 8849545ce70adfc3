# Slice assignment and deletion on lists, including extended slices and errors.
a = list(range(10))
a[2:5] = ["x", "y"]
print(a)
a = list(range(10))
a[::2] = "abcde"
print(a)
a = list(range(10))
a[1:1] = [100, 200]
print(a)
a = list(range(10))
a[-3:] = []
print(a)
a = list(range(10))
del a[::3]
print(a)
a = list(range(10))
del a[5:2]
print(a)
a = list(range(10))
a[8:2:-2] = [0, 0, 0]
print(a)
a = [1, 2, 3]
a[:] = a
print(a)
a[len(a):] = (4, 5)
print(a)
a[100:200] = [6]
print(a)
for bad in [(slice(None, None, 2), [1]), (slice(0, 3, 0), [1, 2, 3])]:
    try:
        b = list(range(6))
        b[bad[0]] = bad[1]
    except Exception as e:
        print(type(e).__name__, e)
try:
    del b[::0]
except Exception as e:
    print(type(e).__name__, e)
b = list(range(5))
b[1:3] = range(3)
print(b)
b[::-1] = b[:]
print(b)
