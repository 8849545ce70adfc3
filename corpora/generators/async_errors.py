class AIter:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def comp():
    return [x async for x in AIter(4)]
print(run(comp()))

async def in_except():
    try:
        raise KeyError('k')
    except KeyError as e:
        total = 0
        async for v in AIter(3):
            total += v
        return (total, repr(e))
print(run(in_except()))

async def brk():
    out = []
    async for v in AIter(10):
        if v == 6:
            continue
        if v < 4:
            break
        out.append(v)
    else:
        out.append('else')
    return out
print(run(brk()))

async def bad_iter():
    async for v in [1, 2]:
        pass
try:
    run(bad_iter())
except TypeError as e:
    print('TypeError', e)

class NoNext:
    def __aiter__(self):
        return self
async def bad_next():
    async for v in NoNext():
        pass
try:
    run(bad_next())
except TypeError as e:
    print('TypeError', e)

class Plain:
    def __enter__(self): return self
    def __exit__(self, *a): pass
async def bad_with():
    async with Plain():
        pass
try:
    run(bad_with())
except TypeError as e:
    print('TypeError', e)

class Boom:
    def __aiter__(self):
        return self
    async def __anext__(self):
        raise ValueError('boom')
async def boom():
    async for v in Boom():
        pass
try:
    run(boom())
except ValueError as e:
    print('ValueError', e)

class Ctx:
    def __init__(self, name, log):
        self.name, self.log = name, log
    async def __aenter__(self):
        self.log.append('enter ' + self.name)
        return self
    async def __aexit__(self, t, v, tb):
        self.log.append('exit ' + self.name + ' ' + (t.__name__ if t else '-'))
        return False
async def nested():
    log = []
    try:
        async with Ctx('a', log) as a, Ctx('b', log) as b:
            log.append(a.name + b.name)
            raise RuntimeError('x')
    except RuntimeError:
        log.append('caught')
    async with Ctx('c', log):
        return log
print(run(nested()))
