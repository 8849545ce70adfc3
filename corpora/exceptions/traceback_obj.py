# An exception keeps its traceback; re-raising keeps the original object.
def inner():
    raise ValueError("deep")
def outer():
    inner()
try:
    outer()
except ValueError as e:
    saved = e
print(type(saved.__traceback__).__name__, saved.__traceback__ is not None)
try:
    raise saved
except ValueError as again:
    print(again is saved, again.args)
def handler():
    try:
        outer()
    except ValueError:
        raise
try:
    handler()
except ValueError as e:
    print("re-raised", e)
try:
    raise ValueError("with tb").with_traceback(None)
except ValueError as e:
    print(e)
