# Instance attributes added, changed and deleted dynamically; setattr/getattr/delattr.
class Bag:
    pass
b = Bag()
for i, name in enumerate(["alpha", "beta", "gamma"]):
    setattr(b, name, i * 10)
print(b.alpha, getattr(b, "beta"), getattr(b, "gamma", None), getattr(b, "delta", "none"))
delattr(b, "beta")
print(hasattr(b, "beta"), hasattr(b, "gamma"))
b.gamma += 1
b.items = []
b.items.append(b.gamma)
print(b.gamma, b.items)
try:
    delattr(b, "beta")
except AttributeError as e:
    print("AttributeError", e)
try:
    getattr(b, 5)
except TypeError as e:
    print("TypeError", e)
