squares = [x * x for x in range(10) if x % 2]
pairs = {(a, b) for a in range(3) for b in range(a)}
index = {k: v for k, v in enumerate('abc')}
gen = (y for y in squares if y > 10)
def scoped(n):
    return [n * i for i in range(n) if (last := i)]
nested = [[j for j in range(i)] for i in range(3)]
