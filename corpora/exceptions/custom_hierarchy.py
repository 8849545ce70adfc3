# Custom exception hierarchies: catching by base, extra attributes, __str__ overrides, ordering of handlers.
class AppError(Exception):
    pass
class DbError(AppError):
    def __init__(self, table, code):
        super().__init__(table, code)
        self.table, self.code = table, code
    def __str__(self):
        return "db %s failed with %d" % (self.table, self.code)
class NetError(AppError, OSError):
    pass
def raiser(k):
    if k == 0:
        raise DbError("users", 7)
    if k == 1:
        raise NetError("down")
    if k == 2:
        raise AppError()
    raise LookupError("other")
for k in range(4):
    try:
        raiser(k)
    except DbError as e:
        print("db", e, e.args, e.table, e.code, repr(e))
    except OSError as e:
        print("os", type(e).__name__, e, isinstance(e, AppError))
    except AppError as e:
        print("app", repr(e))
    except Exception as e:
        print("generic", type(e).__name__, e)
print(issubclass(NetError, OSError), issubclass(DbError, Exception), NetError.__mro__[1].__name__, [c.__name__ for c in DbError.__mro__])
class WithRepr(Exception):
    def __repr__(self):
        return "WithRepr!"
print(repr(WithRepr(1)), str(WithRepr(1)))
