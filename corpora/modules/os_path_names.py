# os.path's name manipulation: join, split, basename, dirname, splitext,
# normpath, isabs, abspath of absolute paths.
import os.path
from os.path import join, split, splitext, normpath

for args in [('a', 'b', 'c'), ('/a/', 'b'), ('a', '/b', 'c'), ('', 'x'), ('a', ''), ('a',), ('/',), ('a//', 'b'), ('', '')]:
    print('join', args, repr(join(*args)))
for p in ['/a/b/c.txt', 'c', '/', '//a//b//', 'a/', '', 'a/b', '///x', '.']:
    print('split', repr(p), split(p), repr(os.path.basename(p)), repr(os.path.dirname(p)))
for p in ['a/b.tar.gz', '.bashrc', 'a/..b', 'noext', 'a.b/c', 'x.', '..', 'a/.b.c', '/.x', '...a']:
    print('splitext', repr(p), splitext(p))
for p in ['a//b/./c/../d', '/../x', '', '//a', '../../a/..', '///a/', 'a/b/../..', './.', '/a/./b/', 'a/../../b']:
    print('normpath', repr(p), repr(normpath(p)))
print(os.path.isabs('/x'), os.path.isabs('x'), os.path.isabs(''), os.path.abspath('/a/b/../c'), os.path.abspath('/'))
print(join(b'a', b'b'), split(b'/x/y'), splitext(b'f.txt'), normpath(b'a/./b'), os.path.basename(b'/q/r'))
for bad in [(1,), ('a', 1), ('a', b'b')]:
    try:
        join(*bad)
    except TypeError as e:
        print('TypeError', e)
try:
    os.path.basename(None)
except TypeError as e:
    print('TypeError', e)
for p, s in [('a/b/c', 'a'), ('/x/y', '/x/z/w'), ('a', 'a'), ('/', '/a/b'), ('a/./b', 'a/b/../b')]:
    print('relpath', p, s, os.path.relpath(p, s))
print(os.path.relpath(os.getcwd()), os.path.relpath(os.path.join(os.getcwd(), 'q', 'r')))
print(repr(os.path.commonprefix([])), os.path.commonprefix(['/usr/lib', '/usr/local']), os.path.commonprefix(['abc']), repr(os.path.commonprefix(['x', 'y'])))
print(os.path.commonprefix(['añb', 'aña']), os.path.normcase('A/B'), os.path.splitdrive('/a/b'), os.path.splitdrive(b'c'))
try:
    os.path.relpath('')
except ValueError as e:
    print('ValueError', e)
