# BaseException subclasses (SystemExit, KeyboardInterrupt, GeneratorExit) bypass `except Exception`.
for cls in [SystemExit, KeyboardInterrupt, GeneratorExit, ValueError]:
    try:
        try:
            raise cls("x")
        except Exception:
            print(cls.__name__, "caught by Exception")
    except BaseException as e:
        print(cls.__name__, "caught by BaseException", e.args)
try:
    raise SystemExit(3)
except SystemExit as e:
    print("code", e.code, e.args)
print(issubclass(SystemExit, Exception), issubclass(StopIteration, Exception), issubclass(KeyboardInterrupt, BaseException))
try:
    exit_code = 0
    raise SystemExit
except SystemExit as e:
    print(e.code)
