# errno constants and errno.errorcode lookups for common codes.
import errno
for name in ["EPERM", "ENOENT", "EIO", "EBADF", "EAGAIN", "ENOMEM", "EACCES", "EEXIST", "ENOTDIR", "EISDIR", "EINVAL", "ENOSPC", "EPIPE"]:
    code = getattr(errno, name)
    print(name, code, errno.errorcode[code])
try:
    open("/nonexistent/dir/file")
except OSError as e:
    print(e.errno == errno.ENOENT, type(e).__name__)
