# Closures and generators keeping their environment alive across many allocations.
def make(n):
    data = [i * n for i in range(50)]
    def total():
        return sum(data)
    return total
fs = [make(i) for i in range(40)]
junk = [[j] * 10 for j in range(300)]
print([f() for f in fs][:5], fs[-1]())
def gen(k):
    buf = list(range(k))
    for x in buf:
        yield x * k
gens = [gen(i) for i in range(1, 30)]
junk = {str(i): [i] for i in range(300)}
print([next(g) for g in gens][:5], [sum(g) for g in gens][-3:])
