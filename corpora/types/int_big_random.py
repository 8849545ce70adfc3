# Big-int arithmetic on pseudo-random operands, checked against CPython digit for digit.
seed = 12345
def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return seed
vals = []
for i in range(40):
    v = 1
    for _ in range(i % 6 + 1):
        v = v * rnd() + rnd()
    if i % 3 == 0:
        v = -v
    vals.append(v)
acc = 0
for i in range(len(vals)):
    a, b = vals[i], vals[(i * 7 + 3) % len(vals)]
    q, r = divmod(a, b)
    assert q * b + r == a
    acc ^= (a * b) ^ q ^ r ^ (a + b) ^ (a - b)
    print(i, q, r, (a * b) % 1000000007, a & b, a | b, a ^ b, a >> 37, b << 13)
print(acc)
print(str(vals[5])[:30], hex(vals[7]), oct(vals[8]), bin(vals[9])[:40])
