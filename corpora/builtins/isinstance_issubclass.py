# isinstance and issubclass: tuples of classes, bool/int, user hierarchies, errors.
class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, B), isinstance(b, A), isinstance(b, C), isinstance(b, (C, A)), isinstance(b, ()))
print(isinstance(True, int), isinstance(1, bool), isinstance(1.0, (int, float)))
print(isinstance(None, object), isinstance(A, type), isinstance(int, type), isinstance(type, type))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (C, A)), issubclass(bool, int), issubclass(A, object))
print(issubclass(B, B), issubclass(ValueError, Exception), issubclass(KeyError, LookupError))
print(isinstance(KeyError("k"), LookupError), isinstance([], (tuple, (list,))) if False else isinstance([], (tuple, list)))
for args in [(1, 1), (b, "A"), (b, (A, 1))]:
    try:
        isinstance(*args)
    except TypeError as e:
        print(type(e).__name__, e)
for args in [(1, int), (B, 1)]:
    try:
        issubclass(*args)
    except TypeError as e:
        print(type(e).__name__, e)
print(isinstance(FileNotFoundError(), OSError), issubclass(FileNotFoundError, OSError))
