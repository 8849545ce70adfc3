# Ordering comparisons between unrelated types raise TypeError; equality never does.
vals = [1, "a", None, [1], (1,), {1: 1}, 1j, b"a"]
for a in vals:
    for b in vals:
        try:
            r = a < b
        except TypeError as e:
            r = "TypeError: " + str(e)
        print(type(a).__name__, type(b).__name__, r, a == b)
