def f():
    for i in range(3):
        try:
            return i
        finally:
            if i < 2:
                continue
print(f())
def g():
    for i in range(5):
        try:
            return i
        finally:
            if i == 1:
                break
    return 'after'
print(g())
def h():
    try:
        return 1
    finally:
        return 2
print(h())
def k():
    while True:
        try:
            try:
                return 'inner'
            finally:
                pass
        finally:
            break
    return 'broke'
print(k())
def m():
    for x in [1, 2]:
        for y in [3]:
            try:
                return (x, y)
            finally:
                if x == 1:
                    continue
    return 'end'
print(m())
