# Functions as values: composition, currying, function tables and returning functions from loops.
def compose(*fns):
    def run(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return run
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(7), compose(str, abs, inc)(-10))
def curry(f, n):
    def take(*args):
        if len(args) >= n:
            return f(*args)
        return lambda *more: take(*(args + more))
    return take
add3 = curry(lambda a, b, c: a + b + c, 3)
print(add3(1)(2)(3), add3(1, 2)(3), add3(1, 2, 3))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print([ops[o](7, 3) for o in "+-*"])
def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x
print(apply_n(dbl, 10, 1), apply_n(lambda s: s + "!", 3, "hi"))
print(list(map(compose(str, dbl), range(4))), sorted(ops), max(ops.items(), key=lambda kv: kv[1](2, 3))[0])
