# ZeroDivisionError messages for every division-like operator and numeric type.
for a in [1, 1.5, True, 2 ** 80]:
    for b in [0, 0.0, False]:
        for op in ["/", "//", "%"]:
            try:
                eval("a %s b" % op)
            except ZeroDivisionError as e:
                print(type(a).__name__, op, type(b).__name__, e)
for call in [lambda: divmod(1, 0), lambda: divmod(1.0, 0.0), lambda: 0 ** -1, lambda: 0.0 ** -1, lambda: pow(0, -2)]:
    try:
        call()
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
