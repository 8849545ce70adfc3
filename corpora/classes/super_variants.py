# super() with two arguments, in classmethods, and through several levels.
class A:
    def f(self):
        return "A.f"
    @classmethod
    def c(cls):
        return "A.c:" + cls.__name__
class B(A):
    def f(self):
        return "B.f>" + super().f()
    @classmethod
    def c(cls):
        return "B.c>" + super().c()
class C(B):
    def f(self):
        return "C.f>" + super(C, self).f()
    def skip(self):
        return super(B, self).f()
print(C().f(), C.c(), C().skip(), B().f(), A.c())
class Base:
    def __init__(self):
        self.log = ["Base"]
class Left(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Left")
class Right(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Right")
class Both(Left, Right):
    def __init__(self):
        super().__init__()
        self.log.append("Both")
print(Both().log, [k.__name__ for k in Both.__mro__])
