# os.path is a submodule: import os.path, from os import path, from os.path
# import join all give the same module, cached in sys.modules.
import sys
import os.path
import os
from os import path
from os.path import join as j, exists

print(os.path is path, sys.modules['os.path'] is path, sys.modules['os'] is os)
print(j('x', 'y'), path.join('p', 'q'), exists('.'), exists('definitely_not_here_123'))
print(type(os.path).__name__, os.path.__name__ in ('posixpath', 'os.path'))
import os.path as op
print(op is os.path, op.basename('/a/b'))
