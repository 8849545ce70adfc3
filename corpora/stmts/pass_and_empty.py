# Empty bodies, docstrings as first statements, pass everywhere.
def f():
    "a docstring"
class C:
    """class doc"""
    pass
if True:
    pass
for _ in range(2):
    pass
while False:
    pass
try:
    pass
except Exception:
    pass
finally:
    pass
print(f(), C.__name__, type(C()).__name__)
def g():
    pass
    return
print(g())
