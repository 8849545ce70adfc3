# format() on bools, None, containers and user classes (__format__, __str__)
class Money:
    def __init__(self, v):
        self.v = v

    def __format__(self, spec):
        return 'M<' + spec + '>' + format(self.v, spec or 'd')


class Plain:
    def __str__(self):
        return 'plain!'


class Bad:
    def __format__(self, spec):
        return 42


print(format(True), format(False, ''), format(True, 'd'), format(True, '>6'), format(False, '+.2f'), format(True, '#x'))
print('{}|{:>6}|{:d}'.format(True, False, True))
print(format(None), format([1, 2]), format((1,)), format({'a': 1}), format(Plain()), '{}'.format(Plain()))
print(format(Money(5)), format(Money(5), '05'), '{:>8}|{}|{!s}'.format(Money(7), Money(1), Plain()))
print(f'{Money(3):x}', f'{Plain()}')
for v, spec in [(None, 'x'), ([1], '>5'), (Plain(), 's'), ((1, 2), '10'), (True, 's')]:
    try:
        format(v, spec)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    format(Bad(), '')
except TypeError as e:
    print(type(e).__name__, e)
try:
    format(5, 7)
except TypeError as e:
    print(type(e).__name__, e)
