# assert.
assert True
assert 1 == 1, "never"
try:
    assert 1 == 2
except AssertionError as e:
    print("AssertionError", repr(e), e.args)
try:
    assert False, "with message %d" % 3
except AssertionError as e:
    print("AssertionError", e)
