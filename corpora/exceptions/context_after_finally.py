def a():
    try:
        raise ValueError
    except ValueError:
        raise KeyError
    finally:
        pass
def b():
    try:
        raise ValueError
    except ValueError:
        raise KeyError
for fn in (a, b):
    try:
        fn()
    except KeyError:
        pass
    try:
        raise IndexError
    except IndexError as e:
        print(fn.__name__, type(e.__context__).__name__)
