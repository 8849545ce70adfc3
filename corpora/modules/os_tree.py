# makedirs (with exist_ok), walk over a small tree (sorted: directory order
# is the file system's), islink, getmtime, expanduser; then removal.
import os
from os.path import join

root = 'tmp_os_tree_dir'

def rmtree(top):
    for dirpath, dirs, files in sorted(os.walk(top), key=lambda t: -len(t[0])):
        for f in files:
            os.remove(join(dirpath, f))
        os.rmdir(dirpath)

if os.path.exists(root):
    rmtree(root)
os.makedirs(join(root, 'a', 'b', 'c'))
os.makedirs(join(root, 'a', 'b', 'c'), exist_ok=True)
os.makedirs(join(root, 'x') + '/')
for name in [join(root, 'top.txt'), join(root, 'a', 'f1'), join(root, 'a', 'b', 'f2')]:
    os.close(os.open(name, os.O_WRONLY | os.O_CREAT, 0o644))
for dirpath, dirs, files in sorted(os.walk(root)):
    print(dirpath, sorted(dirs), sorted(files))
print(list(os.walk('no_such_tree_dir')))
try:
    os.makedirs(join(root, 'a'))
except FileExistsError as e:
    print('FileExistsError', e)
try:
    os.makedirs(join(root, 'top.txt', 'sub'))
except OSError as e:
    print(type(e).__name__, e.errno)
print(os.path.islink(root), os.path.islink('no_such'), type(os.path.getmtime(root)).__name__)
home = os.getenv('HOME')
print(os.path.expanduser('~') == home, os.path.expanduser('~/x') == os.path.join(home, 'x'), os.path.expanduser('a~b'), os.path.expanduser('~user_that_does_not_exist_q') != '')
rmtree(root)
print(os.path.exists(root))
