# Subclasses of builtins: inherited methods return base types; overridden dunders are honoured.
class MyStr(str):
    def shout(self):
        return self.upper() + "!"
s = MyStr("hey")
print(s.shout(), type(s.upper()).__name__, type(s + "x").__name__, type(s[1:]).__name__, s == "hey", isinstance(s, str))
class MyList(list):
    def __getitem__(self, i):
        return "item%d" % i if isinstance(i, int) else list.__getitem__(self, i)
m = MyList([10, 20, 30])
print(m[0], m[1:], len(m), list(m), type(m + [1]).__name__, m.count(10))
m.append(40)
print(m, sum(list.__iter__(m)))
class MyDict(dict):
    def __missing__(self, key):
        return "missing:" + str(key)
d = MyDict(a=1)
print(d["a"], d["zz"], d.get("zz"), "zz" in d, len(d))
class MyInt(int):
    def __add__(self, o):
        return MyInt(int(self) + o + 1000)
i = MyInt(5)
print(i + 1, 1 + i, type(i * 2).__name__, i == 5, repr(i))
