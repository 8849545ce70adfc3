# Allocation churn: many short-lived objects of every kind (small heap in torture runs).
total = 0
for i in range(300):
    l = [i, str(i), float(i), (i, i + 1), {"k": i}, {i}]
    s = "-".join([str(x) for x in range(i % 7)])
    total += len(l) + len(s) + len(repr(l))
print(total)
d = {}
for i in range(200):
    d["key%d" % i] = [i] * (i % 5)
    if i % 3 == 0:
        k = "key%d" % (i // 2)
        if k in d:
            del d[k]
print(len(d), sum(len(v) for v in d.values()))
big = 1
for i in range(60):
    big = big * 3 + i
print(big, big % 1000003)
