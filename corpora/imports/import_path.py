# import of .py files and packages found through sys.path; caching in
# sys.modules; relative imports inside a package; ImportError and
# ModuleNotFoundError.
import sys
sys.path.append('impdata')
import plainmod
import plainmod as again
print(plainmod.X, plainmod.double(5), again is plainmod, 'plainmod' in sys.modules)
from plainmod import double, X as ex
print(double(ex))
import pkg
print(pkg.NAME, pkg.helper(), pkg.sub_again is pkg.sub)
import pkg.leaf
print(pkg.leaf.LEAF, 'pkg.leaf' in sys.modules)
from pkg import leaf
print(leaf is pkg.leaf)
from pkg.sub import helper as h
print(h())
try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    from plainmod import missing
except ImportError as e:
    print(type(e).__name__)
print(isinstance(ModuleNotFoundError(), ImportError))
print(__name__)
