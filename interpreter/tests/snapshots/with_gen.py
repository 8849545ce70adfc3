def reader(paths):
    with open(paths[0]) as a, open(paths[1]) as b:
        for line in a:
            yield line
        return b.read()

def delegate(g):
    result = yield from g
    received = yield result
    return received

def nested_with():
    with lock:
        with other() as (x, y):
            return x + y
