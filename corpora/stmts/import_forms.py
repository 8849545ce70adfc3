# import statement forms: aliasing, from-imports, multiple names, and ImportError/ModuleNotFoundError.
import math as m, json
from math import sqrt as root, pi
from collections import deque, namedtuple as nt
print(m.sqrt(16), json.dumps([1]), root(9), round(pi, 2), deque([1]).pop(), nt("T", "a")(1).a)
try:
    import no_such_module_xyz
except ImportError as e:
    print(type(e).__name__, e)
try:
    from math import no_such_name
except ImportError as e:
    print(type(e).__name__)
import math
print(math is m, __name__)
def local_import():
    import struct as s
    return s.calcsize("<i")
print(local_import(), "s" in dir())
