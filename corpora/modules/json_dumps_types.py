# json.dumps of each basic type, tuples as lists, int/bool keys converted to strings, unserialisable values.
import json
for v in [None, True, False, 0, -7, 1.5, 1e100, "s", "", [], (), {}, (1, [2, (3,)]), {"a": {"b": []}}]:
    print(json.dumps(v))
print(json.dumps({1: "int", True: "bool", None: "none", 2.5: "float"}))
for bad in [{1, 2}, b"x", object, 1j, {(1,): 2}]:
    try:
        json.dumps(bad)
    except TypeError as e:
        print("TypeError", type(bad).__name__)
print(json.dumps({"k": [1, 2]}, indent=2))
print(json.dumps([float("nan"), float("-inf")]))
