# hash() of numbers: equal numbers hash equal across int/float/bool/complex; -1 maps to -2.
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(-0.0) == hash(False), hash(2 + 0j) == hash(2))
print(hash(-1), hash(-2), hash(10), hash(0), hash(2 ** 20), hash(1.5) == hash(1.5), hash(None) == hash(None))
print(hash(2 ** 29 - 1), hash(float(2 ** 40)) == hash(2 ** 40))
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d, len({1, 1.0, True}), {0.5: 1}[0.5])
for v in [[], {}, set(), bytearray()]:
    try:
        hash(v)
    except TypeError as e:
        print("TypeError", e)
print(hash(float("inf")), hash(float("-inf")))
