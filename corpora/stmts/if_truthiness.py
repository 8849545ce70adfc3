# if/elif/else over truthiness of every builtin kind, and short-circuit and/or returning operands.
vals = [0, 1, -1, 0.0, 0.1, 0j, "", "0", b"", [], [0], (), (None,), {}, {0: 0}, set(), range(0), range(1), None, True, False]
for v in vals:
    if v:
        r = "truthy"
    elif v is None:
        r = "none"
    else:
        r = "falsy"
    print(repr(v), r, v and "and", v or "or", not v)
print(0 or [] or "" or None, 1 and 2 and 3, 0 and 1/0, 1 or 1/0, (None or 0) == 0)
