# bool is an int.
print(True + True, True * 3, False - 1, True / 2, True // 1, -True, ~True)
print(True == 1, False == 0, True is True, bool(0), bool(""), bool([0]), bool(None), bool(0.0))
print(isinstance(True, int), type(True), str(False), repr(True))
print(True & False, True | False, True ^ True, not True, not 0)
print(sum([True, True, False]), max(False, True), hash(True) == hash(1))
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0 == True)
