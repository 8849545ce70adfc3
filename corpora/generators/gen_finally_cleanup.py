# Generator cleanup: finally blocks run on close(), on exhaustion, and on a thrown exception.
def res(name):
    try:
        print("open", name)
        for i in range(3):
            yield i
    finally:
        print("cleanup", name)
for x in res("full"):
    pass
g = res("closed")
print(next(g))
g.close()
print("after close")
g = res("thrown")
next(g)
try:
    g.throw(KeyError("k"))
except KeyError:
    print("KeyError propagated")
g = res("never started")
g.close()
print("closed unstarted")
