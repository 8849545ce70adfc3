# type(name, bases, dict) creates classes dynamically; type() with one arg returns the class.
def greet(self):
    return "hi from " + type(self).__name__
Base = type("Base", (), {"greet": greet, "x": 1})
Child = type("Child", (Base,), {"y": 2, "greet2": lambda self: self.greet().upper()})
c = Child()
print(c.greet(), c.greet2(), c.x, c.y, Child.__name__, Child.__bases__[0].__name__, isinstance(c, Base))
print(type(c).__name__, type(Child).__name__, type(type).__name__, type(1) is int, type("s")("abc"))
for args in [("X",), ("X", 5, {}), ("X", (), 5), (1, (), {})]:
    try:
        type(*args)
    except TypeError as e:
        print("TypeError", e)
E = type("E", (Exception,), {})
try:
    raise E("dynamic")
except E as e:
    print(type(e).__name__, e)
