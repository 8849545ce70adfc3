# dict growth, deletion and reinsertion across many keys.
d = {}
for i in range(500):
    d[i] = i * i
for i in range(0, 500, 3):
    del d[i]
print(len(d), d[4], d[499], sum(d.values()) % 100000)
for i in range(0, 500, 3):
    d[i] = -i
print(len(d), list(d)[:5], list(d)[-3:])
s = {}
for w in "the quick brown fox jumps over the lazy dog the end".split():
    s[w] = s.get(w, 0) + 1
print(s)
keys = ["k%d" % i for i in range(100)]
m = {k: len(k) for k in keys}
print(sum(m.values()), m["k7"], m["k77"])
