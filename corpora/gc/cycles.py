# Reference cycles and objects reachable only through other heap objects.
class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None
for i in range(200):
    a, b = Node("a%d" % i), Node("b%d" % i)
    a.peer, b.peer = b, a
print(a.peer.name, b.peer.peer.name)
ring = [Node(str(i)) for i in range(50)]
for i, n in enumerate(ring):
    n.peer = ring[(i + 1) % len(ring)]
cur = ring[0]
for _ in range(123):
    cur = cur.peer
print(cur.name)
ring = None
l = []
l.append(l)
d = {"self": None}
d["self"] = d
print(len(l[0][0][0]), d["self"]["self"] is d)
keep = None
for i in range(100):
    try:
        raise ValueError(i)
    except ValueError as e:
        keep = e
print(keep.args, type(keep.__traceback__).__name__)
