def sub():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print('sub caught', e)
        yield 'recovered'
    return 'subret'
def outer():
    r = yield from sub()
    print('outer got', r)
    yield 'outer-end'
g = outer()
print(next(g))
print(g.throw(ValueError('x')))
print(next(g))
print(next(g, 'done'))
def sub2():
    yield 1
def outer2():
    try:
        yield from sub2()
    except KeyError as e:
        print('outer2 caught', repr(e))
        yield 'o2'
g = outer2()
next(g)
print(g.throw(KeyError('k')))
def sub3():
    try:
        yield 1
    finally:
        print('sub3 closed')
def outer3():
    yield from sub3()
g = outer3()
next(g)
g.close()
print('closed')
