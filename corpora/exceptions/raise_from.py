# raise ... from, __cause__, __context__, bare raise.
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("converted") from e
except ValueError as v:
    print(repr(v), repr(v.__cause__), v.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("during")
except KeyError as k:
    print(repr(k), repr(k.__context__), k.__cause__)
try:
    try:
        raise TypeError("x")
    except TypeError:
        raise
except TypeError as t:
    print("reraised", t)
try:
    raise ValueError("no cause") from None
except ValueError as v:
    print(v.__cause__, v.__suppress_context__)
try:
    raise
except RuntimeError as r:
    print("RuntimeError", r)
try:
    raise 5
except TypeError as t:
    print("TypeError", t)
def gen_err():
    try:
        raise ValueError(1)
    except ValueError as e:
        err = e
    return err
print(repr(gen_err()))
