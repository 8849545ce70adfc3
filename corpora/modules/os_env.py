# The environment: getenv with defaults, environ as a dict of strs; the
# constants of os.
import os

print(os.getenv('UPY_SURELY_UNSET_VAR'), os.getenv('UPY_SURELY_UNSET_VAR', 'dflt'), os.getenv('UPY_SURELY_UNSET_VAR', None))
print('UPY_SURELY_UNSET_VAR' in os.environ, os.environ.get('UPY_SURELY_UNSET_VAR', 5))
path = os.getenv('PATH')
print(type(path).__name__, path == os.environ['PATH'], all(type(k) is str and type(v) is str for k, v in os.environ.items()))
print(os.sep, os.name, os.curdir, os.pardir, os.extsep, repr(os.linesep), os.devnull)
print(os.path.sep, os.path.curdir, os.path.altsep)
print(type(os.getpid()).__name__, os.getpid() > 0, len(os.urandom(16)), os.urandom(0), type(os.urandom(3)).__name__)
print(os.getcwd() == os.path.abspath('.'), os.path.isabs(os.getcwd()))
try:
    os.getenv(5)
except TypeError as e:
    print('TypeError', e)
try:
    os.urandom(-1)
except ValueError as e:
    print('ValueError', e)
