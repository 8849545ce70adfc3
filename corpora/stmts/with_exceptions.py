# with and exceptions: __exit__ sees the exception, can replace it, and runs on return/break.
class Tracker:
    def __init__(self, log, name, swallow=False, replace=False):
        self.log, self.name, self.swallow, self.replace = log, name, swallow, replace
    def __enter__(self):
        self.log.append("enter " + self.name)
        return self
    def __exit__(self, t, v, tb):
        self.log.append("exit %s %s" % (self.name, t.__name__ if t else "-"))
        if self.replace and t:
            raise RuntimeError("replaced " + str(v))
        return self.swallow
log = []
with Tracker(log, "outer"):
    with Tracker(log, "inner", swallow=True):
        raise ValueError("x")
    log.append("after inner")
print(log)
log = []
try:
    with Tracker(log, "r", replace=True):
        raise KeyError("k")
except RuntimeError as e:
    print("RuntimeError", e, type(e.__context__).__name__)
print(log)
def early():
    log = []
    for i in range(3):
        with Tracker(log, str(i)):
            if i == 1:
                return log
print(early())
