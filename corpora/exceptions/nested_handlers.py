# Handlers nested in handlers; the handled exception restored after each block.
def current():
    try:
        raise
    except RuntimeError:
        return "none active"
    except Exception as e:
        return "active: " + repr(e)
try:
    raise ValueError("outer")
except ValueError:
    print(current())
    try:
        raise KeyError("inner")
    except KeyError:
        print(current())
    print(current())
print(current())
for i in range(3):
    try:
        try:
            raise IndexError(i)
        except IndexError as e:
            if i == 1:
                raise TypeError("converted %d" % i)
            print("handled", e)
    except TypeError as t:
        print("outer got", t, repr(t.__context__))
