# Deeply nested structures built iteratively and walked recursively.
def build(depth):
    node = None
    for i in range(depth):
        node = [i, node]
    return node
def walk(node):
    total = 0
    while node is not None:
        total += node[0]
        node = node[1]
    return total
chain = build(3000)
print(walk(chain))
def depth_of(x):
    return 0 if not isinstance(x, list) else 1 + max((depth_of(y) for y in x), default=0)
nest = []
for _ in range(100):
    nest = [nest]
print(depth_of(nest))
d = {}
cur = d
for i in range(200):
    cur["next"] = {"i": i}
    cur = cur["next"]
n, cur = 0, d
while "next" in cur:
    cur = cur["next"]
    n += 1
print(n, cur["i"])
