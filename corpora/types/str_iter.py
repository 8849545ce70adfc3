# Iterating, joining and building strings.
s = ""
for i in range(20):
    s += str(i % 10)
print(s, len(s))
print(list("héllo"), [c for c in "abc" if c != "b"], "".join(reversed("stressed")), "x".join("abc"))
words = "the rain in spain falls mainly".split()
print(sorted(words, key=lambda w: (len(w), w)), [w[::-1] for w in words], " ".join(w.capitalize() for w in words))
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, max(counts, key=counts.get))
print("abc" * 0 == "", "-" * 20, "a" + "b" * 3 + "c")
