# Bad format specs for strings
for spec in ['=10', '+', '-', ' ', '#', 'z', 'd', 'x', ',', '_', '.', '10.2x', 'ss', '05d']:
    try:
        print(repr(spec), repr(format('abc', spec)))
    except (ValueError, TypeError) as e:
        print(repr(spec), type(e).__name__, e)
