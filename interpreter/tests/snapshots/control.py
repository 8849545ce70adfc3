def loops(xs):
    for i, x in enumerate(xs):
        if x < 0:
            continue
        elif x > 100:
            break
        while x:
            x -= 1
            if x == 3: break
        else:
            print('done')
    else:
        return -1
    return i

def exceptions(f):
    try:
        f()
    except ValueError as e:
        print(e)
        return 1
    except (TypeError, KeyError):
        pass
    except:
        raise
    else:
        return 2
    finally:
        print('cleanup')
    raise RuntimeError('x') from None

def finally_in_loop(items):
    for item in items:
        try:
            if item: continue
            return item
        finally:
            print(item)
    assert items, 'no items'
