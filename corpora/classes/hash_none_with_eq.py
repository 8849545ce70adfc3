class EqOnly:
    def __eq__(self, o): return True
class Both:
    def __eq__(self, o): return True
    def __hash__(self): return 5
class Sub(EqOnly):
    def __hash__(self): return 7
print(EqOnly.__hash__, hash(Both()), hash(Sub()), Sub.__hash__ is not None)
try:
    hash(EqOnly())
except TypeError as e:
    print(e)
class Plain: pass
print(Plain.__hash__ is not None, hash(Plain()) == hash(Plain()) or True)
class ML(list): pass
try:
    hash(ML())
except TypeError as e:
    print(e)
print(list.__hash__, hash(5) == (5).__hash__(), {Plain(): 1}.__len__())
class MS(str): pass
print(hash(MS('a')) == hash('a'))
