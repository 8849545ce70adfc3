# Larger live data: nested lists/dicts built and checked, then dropped.
rows = []
for r in range(60):
    row = {"id": r, "name": "row%d" % r, "vals": [r * c for c in range(20)], "tags": {r % 3, r % 5}}
    rows.append(row)
print(len(rows), sum(sum(r["vals"]) for r in rows), rows[37]["name"], sorted(rows[14]["tags"]))
index = {r["name"]: r for r in rows}
print(index["row59"]["vals"][19], len(index))
rows = [r for r in rows if r["id"] % 2]
print(len(rows), rows[0]["id"], rows[-1]["id"])
text = " ".join(str(i) for i in range(2000))
print(len(text), text[-9:], text.count("9"))
big = [str(i) * 3 for i in range(500)]
big.sort(key=len)
print(big[0], big[-1], len(big))
