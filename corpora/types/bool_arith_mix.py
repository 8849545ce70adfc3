# bool as int in arithmetic, containers and comparison; repr and type of results.
print(True + True, True * 10, False - 1, True / 2, True // 1, -True, True ** 2, 3 % True)
print(sum([True, False, True]), [1, 2, 3][True], {True: "a", 1: "b"}, {0, False, 0.0}, True == 1.0, hash(True) == hash(1))
print(type(True + 0).__name__, repr(True), str(False), int(True), float(False), bool("0"), bool(0.0), bool(-1))
print(True and 5, False or "x", not 0, not "", True is (1 == 1), (1 < 2) is True, max(False, 0), min(0, False))
print(bool(), bool([]), bool([0]), isinstance(False, int), True.real, True.imag, divmod(True, True))
try:
    class B(bool):
        pass
except TypeError as e:
    print("TypeError", e)
