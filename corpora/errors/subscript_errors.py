# Subscripting unsubscriptable objects and indexing with wrong key types.
for obj in [1, None, 1.5, len]:
    try:
        obj[0]
    except TypeError as e:
        print("TypeError", e)
for obj in [1, None, (1,), "s", frozenset()]:
    try:
        obj[0] = 1
    except TypeError as e:
        print("TypeError", e)
for seq in [[1, 2], (1, 2), "ab"]:
    for key in ["0", 1.0, None]:
        try:
            seq[key]
        except TypeError as e:
            print(type(seq).__name__, "TypeError", e)
d = {}
for key in [[1], {}, set()]:
    try:
        d[key]
    except TypeError as e:
        print("TypeError", e)
for seq in [[1], (1,), "a", range(1)]:
    try:
        seq[5]
    except IndexError as e:
        print(type(seq).__name__, "IndexError", e)
