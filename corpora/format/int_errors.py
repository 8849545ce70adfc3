# Bad format specs for ints and bools: CPython's exception types and messages
specs = ['.2', 'z', 'zd', 'q', 's', 'xx', ',x', ',b', ',_', '_,', ',,', '.', '99999999999999999999',
         '.99999999999999999999', ',c', '_n', ',n', '=', '<<<', '10.', 'j', '\x01', '%d']
for v in [5, True, -7]:
    for s in specs:
        try:
            print(repr(s), repr(format(v, s)))
        except (ValueError, TypeError, OverflowError) as e:
            print(repr(s), type(e).__name__, e)
try:
    format(2 ** 2000, 'e')
except OverflowError as e:
    print(type(e).__name__, e)
