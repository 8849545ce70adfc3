# What a class body can do: computed attributes, loops, references to earlier names.
class Config:
    names = ["a", "b", "c"]
    index = {n: i for i, n in enumerate(names)}
    total = 0
    for n in names:
        total += len(n)
    doubled = total * 2
    def get(self, name):
        return self.index[name]
    if total > 2:
        big = True
    else:
        big = False
print(Config.index, Config.total, Config.doubled, Config.big, Config().get("c"), Config.n)
x = "module"
class Scope:
    x = "class"
    y = x + "!"
    def m(self):
        return x
print(Scope.y, Scope().m())
