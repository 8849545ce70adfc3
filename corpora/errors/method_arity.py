tests = [lambda: [].append(), lambda: [].count(), lambda: [].extend(), lambda: [].index(), lambda: [].remove(), lambda: {}.fromkeys(), lambda: {}.pop(),
 lambda: {}.setdefault(), lambda: ''.join(), lambda: ''.partition(), lambda: ''.rpartition(), lambda: b''.join(), lambda: bytearray().append(),
 lambda: set().add(), lambda: set().discard(), lambda: set().isdisjoint(), lambda: ().count(), lambda: [1].append(1, 2), lambda: 'ab'.upper(1),
 lambda: [].pop(1, 2), lambda: ''.find(), lambda: ''.replace('a'), lambda: [].insert(1), lambda: {}.get(), lambda: set().pop(1)]
for t in tests:
    try:
        t()
        print('ok')
    except Exception as e:
        print(type(e).__name__, e)
