# super() inside classmethods, staticmethod access through super, and super in __init__ chains with defaults.
class Base:
    @classmethod
    def create(cls):
        return "Base.create(%s)" % cls.__name__
    @staticmethod
    def util():
        return "util"
    def method(self):
        return "Base.method"
class Mid(Base):
    @classmethod
    def create(cls):
        return "Mid>" + super().create()
    def method(self):
        return "Mid>" + super().method()
class Leaf(Mid):
    @classmethod
    def create(cls):
        return "Leaf>" + super().create()
    def method(self):
        return "Leaf>" + super().method() + ">" + super().util()
print(Leaf.create(), Leaf().create(), Mid.create(), Leaf().method())
print(super(Mid, Leaf()).method(), super(Leaf, Leaf).create())
