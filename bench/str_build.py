# String building: concatenation in a loop, join, formatting, slicing and the common methods.


def build(n):
    s = ""
    for i in range(n):
        s += str(i % 10)
    return s


def words(n):
    parts = []
    for i in range(n):
        parts.append("w" + str(i))
    return " ".join(parts)


total = 0
for r in range(150):
    s = build(5000)
    total += len(s) + s.count("7")
print(total)

text = words(150000)
out = []
for w in text.split(" "):
    if w.endswith("3"):
        out.append(w.upper())
    elif w.startswith("w1"):
        out.append(w[1:].replace("1", "i"))
print(len(out), out[:3], out[-2:])

acc = 0
for i in range(300000):
    t = "%d:%s" % (i, "x" * (i % 7))
    u = "{}-{}".format(t, i % 13)
    acc += len(u) + u.find(":")
print(acc)

lines = "\n".join(["  line %d  " % i for i in range(150000)])
print(sum(len(l.strip()) for l in lines.split("\n")))
