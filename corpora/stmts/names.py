# Name resolution: locals, globals, builtins, shadowing, NameError and UnboundLocalError.
print(len("abc"))
len = lambda x: 42
print(len("abc"))
del len
print(len("abc"))
g = "global"
def reads():
    return g
def shadows():
    g = "local"
    return g
def unbound():
    print(g)
    g = 1
print(reads(), shadows(), g)
try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError", e)
try:
    undefined_name
except NameError as e:
    print("NameError", e)
def uses_builtin():
    return max([1, 5, 3])
print(uses_builtin())
x = 1
def nested():
    x = 2
    def inner():
        return x
    return inner()
print(nested(), x)
