# A submodule with a relative import of its sibling (no .exp: not a program).
from .leaf import LEAF
def helper():
    return 'helper sees ' + LEAF
