# async/await driven by send(): awaiting coroutines and objects with __await__.
class Fut:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        r = yield ("wait", self.v)
        return r
async def child(x):
    r = await Fut(x)
    return r * 2
async def main():
    a = await child(1)
    b = await child(2)
    return a + b
c = main()
print(type(c).__name__)
v = c.send(None)
print(v)
v = c.send(10)
print(v)
try:
    c.send(20)
except StopIteration as e:
    print("done", e.value)
async def failing():
    await Fut(0)
    raise ValueError("inside coroutine")
async def catcher():
    try:
        await failing()
    except ValueError as e:
        return "caught " + str(e)
c = catcher()
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
def run(coro):
    value = None
    while True:
        try:
            req = coro.send(value)
        except StopIteration as e:
            return e.value
        value = req[1] * 100
print(run(main()))
async def plain():
    return 5
print(run(plain()))
try:
    async def bad():
        await 3
    run(bad())
except TypeError as e:
    print("TypeError", e)
