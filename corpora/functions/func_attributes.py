# Function objects: __name__, __qualname__, __doc__, __defaults__, arbitrary attributes, __dict__.
def outer():
    def inner():
        "inner doc"
    return inner
def plain(a, b=1):
    """Plain doc."""
    return a
f = outer()
print(plain.__name__, plain.__defaults__, f.__name__)
print(plain.__qualname__, f.__qualname__)
plain.tag = "x"
plain.count = 3
print(plain.tag, plain.count)
try:
    plain.missing
except AttributeError as e:
    print("AttributeError", e)
plain.__name__ = "renamed"
print(plain.__name__, callable(plain), type(plain).__name__, type(lambda: 0).__name__)
print((lambda: 0).__name__, plain.__module__)
