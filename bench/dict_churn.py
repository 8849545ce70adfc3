# Dict churn: insert, look up, update and delete with int and str keys; counting and grouping.

d = {}
for i in range(300000):
    d[i] = i * 2
total = 0
for i in range(0, 300000, 3):
    total += d[i]
for i in range(0, 300000, 2):
    del d[i]
print(len(d), total)

counts = {}
for i in range(1000000):
    k = "k" + str(i % 1000)
    counts[k] = counts.get(k, 0) + 1
print(len(counts), counts["k7"], counts["k999"])

groups = {}
for i in range(400000):
    key = i % 97
    if key in groups:
        groups[key].append(i)
    else:
        groups[key] = [i]
print(len(groups), sum(len(v) for v in groups.values()))

merged = {}
for r in range(1500):
    part = {j: r for j in range(r, r + 100)}
    merged.update(part)
print(len(merged), sum(merged.values()))

items = sorted(counts.items())[:3]
print(items)
