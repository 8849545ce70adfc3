# For-loop variables persist after the loop; the iterable is evaluated once; assigning to the variable inside does not affect iteration.
for i in range(3):
    pass
print(i)
for i in range(3):
    i = 100
print(i)
def src():
    print("evaluated")
    return [1, 2]
for v in src():
    print(v)
lst = [1, 2, 3]
for x in lst:
    lst = [9]
print(x, lst)
for a, b in {"k": 1, "j": 2}.items():
    pass
print(a, b)
for _ in []:
    never = 1
print("never" in dir())
obj = type("O", (), {})()
for obj.attr in range(2):
    pass
print(obj.attr)
d = {}
for d["key"] in "xy":
    pass
print(d)
