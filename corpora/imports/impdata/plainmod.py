# A plain module imported by corpora/imports/*.py (no .exp: not a program).
X = 42
def double(n):
    return 2 * n
print('plainmod body runs once:', __name__)
