# str indexing, slicing with steps, concatenation, repetition, comparison and errors.
s = "hello world"
print(s[0], s[-1], s[3:8], s[::-1], s[::3], s[-3:], s[:-3], s[8:2:-2], s[100:], s[-100:2])
for i in [11, -12]:
    try:
        s[i]
    except IndexError as e:
        print("IndexError", e)
try:
    s["1"]
except TypeError as e:
    print("TypeError", e)
try:
    s[0] = "H"
except TypeError as e:
    print("TypeError", e)
print("ab" * 3, 0 * "ab", "ab" * -1, "a" + "b", "abc" < "abd", "abc" < "ab", "Z" < "a", "" < "a", "é" > "z")
for op in [lambda: "a" + 1, lambda: "a" * 2.0, lambda: "a" < 1, lambda: "a" - "a"]:
    try:
        op()
    except TypeError as e:
        print("TypeError", e)
x = "ab"
x += "cd"
x *= 2
print(x, len(x), "c" in x, "dc" in x, "" in x)
try:
    1 in "abc"
except TypeError as e:
    print("TypeError", e)
print(str(), str(12), str(1.5), str(None), str([1, "a"]), str(b"x"), str(b"x", "ascii"))
