# User-defined exceptions: subclassing, extra attributes, __str__.
class AppError(Exception):
    pass
class DbError(AppError):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
class Weird(Exception):
    def __str__(self):
        return "weird!"
try:
    raise DbError(42, "db down")
except AppError as e:
    print(type(e).__name__, e, e.code, e.args, isinstance(e, Exception))
try:
    raise Weird("ignored")
except Exception as e:
    print(e, repr(e), e.args)
class NoInit(ValueError):
    pass
e = NoInit(1, 2)
print(e.args, str(e), isinstance(e, ValueError))
try:
    raise NoInit
except ValueError as x:
    print(type(x).__name__, x.args)
