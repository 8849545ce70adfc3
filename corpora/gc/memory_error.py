# Running out of heap raises MemoryError, which the program can catch and go on.
# The .exp is written by hand: CPython would exhaust the machine's memory here.
hog = []
try:
    while True:
        hog.append("x" * 10000 + str(len(hog)))
except MemoryError:
    n = len(hog)
    hog = None
    print("MemoryError caught", n > 0)
print("still running", sum(range(10)))
try:
    [0] * (10 ** 12)
except MemoryError:
    print("huge list refused")
