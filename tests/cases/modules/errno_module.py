# errno: Linux's error names and numbers, and errorcode.
import errno

print(errno.ENOENT, errno.EACCES, errno.EEXIST, errno.EPIPE, errno.EAGAIN, errno.EINTR, errno.ECONNREFUSED)
print(errno.EWOULDBLOCK == errno.EAGAIN, errno.EDEADLOCK == errno.EDEADLK, errno.ENOTSUP == errno.EOPNOTSUPP)
print(errno.errorcode[2], errno.errorcode[errno.EAGAIN], errno.errorcode[errno.EDEADLK], errno.errorcode[95])
names = sorted(n for n in dir(errno) if n.startswith('E'))
print(len(names), names[:5], names[-5:])
print(len(errno.errorcode), sorted(errno.errorcode)[:5], max(errno.errorcode))
print(all(getattr(errno, name) == num for num, name in errno.errorcode.items()))
try:
    open('/no/such/file/here')
except OSError as e:
    print(e.errno == errno.ENOENT, errno.errorcode[e.errno])
