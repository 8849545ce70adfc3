# isinstance/issubclass with nested tuples, bool/int relationships, and invalid second arguments.
print(isinstance(1, int), isinstance(True, int), isinstance(1, bool), isinstance(1.0, (int, float)), isinstance("a", (int, (float, (str,)))))
print(isinstance(None, type(None)), isinstance([], (list, tuple)), isinstance((), ()), isinstance(int, type), isinstance(type, object))
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, (str, object)), issubclass(KeyError, LookupError), issubclass(list, list))
class A: pass
class B(A): pass
print(isinstance(B(), A), issubclass(B, (int, A)), issubclass(A, B), isinstance(A, type), issubclass(type, object))
for call in [lambda: isinstance(1, 5), lambda: isinstance(1, (int, 5)), lambda: issubclass(1, int), lambda: issubclass(int, 1), lambda: isinstance(1, [int])]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError", e)
print(isinstance(1, (int, 5)))
