# assert with and without message; message evaluated lazily; AssertionError args.
assert True
assert 1, "not shown"
def msg():
    print("msg evaluated")
    return "the message"
try:
    assert 1 == 1, msg()
    assert 1 == 2, msg()
except AssertionError as e:
    print("AssertionError", e, e.args)
try:
    assert []
except AssertionError as e:
    print("empty", repr(e), e.args)
try:
    assert False, (1, 2)
except AssertionError as e:
    print(e.args)
try:
    assert None, None
except AssertionError as e:
    print(e.args)
