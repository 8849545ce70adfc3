# Coroutine-style generators driven by send(): running average and a small state machine.
def averager():
    total = count = 0
    avg = None
    while True:
        v = yield avg
        total += v
        count += 1
        avg = total / count
a = averager()
next(a)
print([a.send(v) for v in [10, 20, 30, 40]])
def parser():
    state = "start"
    out = []
    while True:
        ch = yield state
        if ch is None:
            return out
        if state == "start" and ch.isdigit():
            state = "num"
            out.append(ch)
        elif state == "num" and ch.isdigit():
            out[-1] += ch
        else:
            state = "start"
p = parser()
next(p)
print([p.send(c) for c in "12a3b456"])
try:
    p.send(None)
except StopIteration as e:
    print("result", e.value)
