class S:
    def __len__(self): return 3
    def __getitem__(self, i): return i * 100
print(list(reversed(S())))
class N:
    pass
try:
    reversed(N())
except TypeError as e:
    print(e)
class R:
    def __reversed__(self): return iter('cba')
print(list(reversed(R())), list(reversed([1, 2])), list(reversed(range(3))))
