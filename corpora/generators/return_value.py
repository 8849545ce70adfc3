# Generator return values: StopIteration.value, yield from result, and return inside try/finally.
def g():
    yield 1
    return "done"
it = g()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("value", e.value, e.args)
def wrapper():
    r = yield from g()
    print("inner returned", r)
    return r * 2
print(list(wrapper()))
w = wrapper()
next(w)
try:
    next(w)
except StopIteration as e:
    print(e.value)
def empty():
    return 5
    yield
try:
    next(empty())
except StopIteration as e:
    print("empty", e.value)
def fin():
    try:
        yield 1
        return "r"
    finally:
        print("finally")
print(list(fin()))
def none_ret():
    yield 1
f = none_ret()
next(f)
try:
    next(f)
except StopIteration as e:
    print(e.value, e.args)
