# errno's Linux numbers and the errorcode table, aliases included.
import errno

names = ['EPERM', 'ENOENT', 'ESRCH', 'EINTR', 'EIO', 'EBADF', 'EAGAIN', 'ENOMEM', 'EACCES', 'EEXIST',
         'ENOTDIR', 'EISDIR', 'EINVAL', 'ENOSPC', 'EPIPE', 'EDOM', 'ERANGE', 'ENOSYS', 'ENOTEMPTY',
         'ELOOP', 'ETIMEDOUT', 'ECONNREFUSED', 'EINPROGRESS', 'EALREADY', 'EOPNOTSUPP', 'EADDRINUSE',
         'ECONNRESET', 'EHOSTUNREACH', 'ENOTCONN', 'ENAMETOOLONG', 'EXDEV', 'EROFS', 'EMFILE']
for n in names:
    v = getattr(errno, n)
    print(n, v, errno.errorcode[v])
print(errno.EWOULDBLOCK == errno.EAGAIN, errno.errorcode[errno.EWOULDBLOCK])
print(errno.EDEADLK == errno.EDEADLOCK, errno.ENOTSUP == errno.EOPNOTSUPP)
print(errno.errorcode[errno.EDEADLK], errno.errorcode[95])
print(len(errno.errorcode) >= 130, min(errno.errorcode), max(errno.errorcode))
print(type(errno.errorcode).__name__, 41 in errno.errorcode, 58 in errno.errorcode)
try:
    errno.ENOPE
except AttributeError as e:
    print('AttributeError', e)
try:
    errno.errorcode[100000]
except KeyError as e:
    print('KeyError', e)
