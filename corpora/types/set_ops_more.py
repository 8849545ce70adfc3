# Set algebra identities and set comprehension.
a = set(range(0, 20, 2))
b = set(range(0, 20, 3))
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print((a | b) == (a ^ b) | (a & b), (a - b) | (b - a) == a ^ b, a & b <= a, a <= a | b, a < a, a.issuperset(a & b))
s = {x % 5 for x in range(100)}
print(sorted(s), len(s), 4 in s, 5 in s)
fs = frozenset("abc")
print(sorted(fs | {"d"}), type(fs | {"d"}).__name__, type({"d"} | fs).__name__, sorted(fs & set("bcd")))
words = ["apple", "banana", "avocado", "blueberry", "cherry"]
by_letter = {}
for w in words:
    by_letter.setdefault(w[0], set()).add(w)
print(sorted((k, sorted(v)) for k, v in by_letter.items()))
