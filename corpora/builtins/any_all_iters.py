# any/all short-circuit on iterators, empty inputs, and truthiness of odd values.
def noisy(vals):
    for v in vals:
        print("yield", v)
        yield v
print(any(noisy([0, 1, 2])))
print(all(noisy([1, 0, 2])))
print(any([]), all([]), any([0.0, "", None]), all(["a", 1, [0]]), any("abc"), all(""), any({0: 1}), all([[]]))
it = iter([0, 0, 3, 4])
print(any(it), list(it))
for v in [5, None]:
    try:
        any(v)
    except TypeError as e:
        print("TypeError", e)
