# Binary operators between incompatible builtin types: CPython's TypeError messages.
vals = [1, 1.5, "s", b"b", [1], (1,), {1: 2}, None]
ops = ["+", "-", "*", "/", "%", "<<", "&", "@"]
for op in ops:
    for a in vals[:3]:
        for b in [None, [1], "s", {1: 2}]:
            try:
                eval("a %s b" % op)
            except TypeError as e:
                print(op, type(a).__name__, type(b).__name__, e)
            except Exception as e:
                print(op, "other", type(e).__name__)
