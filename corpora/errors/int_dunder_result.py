class B:
    def __int__(self): return 'no'
class C:
    def __index__(self): return 7
try:
    int(B())
except TypeError as e:
    print(e)
print(int(C()))
