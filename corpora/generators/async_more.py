class AIter:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i

class ACtx:
    async def __aenter__(self):
        print('enter')
        return 'ctx'
    async def __aexit__(self, t, v, tb):
        print('exit', t.__name__ if t else None)
        return True

async def main():
    out = []
    async for v in AIter(3):
        out.append(v)
    print(out)
    async with ACtx() as c:
        print('in', c)
        raise ValueError('x')
    print('after')
    return 'done'

def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value

print(run(main()))
