# Conversions !r !s !a, alone and with specs
class C:
    def __repr__(self):
        return 'C()'

    def __str__(self):
        return 'c-str'


for v in ['text', 'héllo', '日本', 5, 2.5, None, [1, 'a'], C(), 'tab\there', "quote'd", '\U0001F600']:
    print('{0!r}|{0!s}|{0!a}|{0}|{0!r:>16}|{0!s:.3}'.format(v))
print(f'{"x"!r} {"é"!a} {C()!s} {C()!r:>5}')
for f in ['{!x}', '{0!}', '{!rr}', '{0!r=}', '{!}']:
    try:
        print(f.format('v'))
    except ValueError as e:
        print(f, type(e).__name__, e)
