# Files and directories through os: mkdir, open/write/read/close, listdir,
# stat, rename, remove, rmdir; the program cleans up after itself.
import os
from os.path import join, exists, isdir, isfile, getsize

d = 'tmp_os_files_dir'
if exists(d):
    for f in os.listdir(d):
        os.remove(join(d, f))
    os.rmdir(d)
os.mkdir(d)
print(exists(d), isdir(d), isfile(d), os.listdir(d))
fd = os.open(join(d, 'a.txt'), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.write(fd, b'hello world'), os.write(fd, bytearray(b'!')))
os.close(fd)
fd = os.open(join(d, 'a.txt'), os.O_RDONLY)
print(os.read(fd, 5), os.read(fd, 100), os.read(fd, 10))
os.close(fd)
print(getsize(join(d, 'a.txt')), isfile(join(d, 'a.txt')), isdir(join(d, 'a.txt')))
st = os.stat(join(d, 'a.txt'))
print(st.st_size, st.st_mode & 0o170000 == 0o100000, st[6], len(st), type(st.st_mtime).__name__, st.st_nlink)
os.mkdir(join(d, 'sub'))
fd = os.open(join(d, 'sub', 'b'), os.O_WRONLY | os.O_CREAT, 0o600)
os.close(fd)
print(sorted(os.listdir(d)), os.listdir(join(d, 'sub')), sorted(os.listdir(d.encode())))
os.rename(join(d, 'a.txt'), join(d, 'c.txt'))
print(sorted(os.listdir(d)), exists(join(d, 'a.txt')))
os.remove(join(d, 'sub', 'b'))
os.rmdir(join(d, 'sub'))
os.unlink(join(d, 'c.txt'))
print(os.listdir(d))
os.rmdir(d)
print(exists(d), os.path.abspath(d) == join(os.getcwd(), d))
