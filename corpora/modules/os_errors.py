# OSError and its subclasses from failing calls: the class picked by errno,
# CPython's [Errno N] text, and the errno/strerror/filename attributes.
import os, errno

d = 'tmp_os_errors_dir'
if os.path.exists(d):
    for f in os.listdir(d):
        os.remove(os.path.join(d, f))
    os.rmdir(d)
os.mkdir(d)
fd = os.open(os.path.join(d, 'f'), os.O_WRONLY | os.O_CREAT, 0o644)
os.close(fd)
calls = [
    ('remove', lambda: os.remove('no_such_file_here')),
    ('mkdir', lambda: os.mkdir(d)),
    ('rmdir missing', lambda: os.rmdir('no_such_dir_here')),
    ('rmdir full', lambda: os.rmdir(d)),
    ('rename', lambda: os.rename('no_such_a', 'no_such_b')),
    ('listdir', lambda: os.listdir('no_such_dir_here')),
    ('listdir file', lambda: os.listdir(os.path.join(d, 'f'))),
    ('stat', lambda: os.stat('no/such/path')),
    ('remove dir', lambda: os.remove(d)),
    ('open', lambda: os.open('no_such_dir_here/x', os.O_RDONLY)),
    ('open excl', lambda: os.open(os.path.join(d, 'f'), os.O_WRONLY | os.O_CREAT | os.O_EXCL)),
    ('getsize', lambda: os.path.getsize('no_such_file_here')),
    ('close', lambda: os.close(9999)),
]
for name, call in calls:
    try:
        call()
        print(name, 'no error')
    except OSError as e:
        print(name, type(e).__name__, e, e.errno, e.strerror, e.filename, errno.errorcode[e.errno])
try:
    os.remove('no_such_file_here')
except FileNotFoundError as e:
    print(isinstance(e, OSError), e.filename2)
print(issubclass(FileExistsError, OSError), issubclass(PermissionError, OSError), issubclass(NotADirectoryError, OSError))
for bad in [lambda: os.remove(5), lambda: os.mkdir(None), lambda: os.stat(1.5)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError')
os.remove(os.path.join(d, 'f'))
os.rmdir(d)
print(os.strerror(2), os.strerror(13), os.strerror(17))
