# File descriptors: os.open/read/write/lseek/ftruncate/fsync/close, pipe,
# dup/dup2, the inheritable and blocking flags, and open() on an fd.
import os

name = 'tmp_fd_%d.bin' % os.getpid()
fd = os.open(name, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o644)
print(type(fd).__name__, os.get_inheritable(fd), os.isatty(fd))
print(os.write(fd, b'hello world'), os.lseek(fd, 0, os.SEEK_CUR))
print(os.lseek(fd, 0, os.SEEK_SET), os.read(fd, 5), os.read(fd, 100), os.read(fd, 10))
print(os.lseek(fd, -5, os.SEEK_END), os.read(fd, 3))
os.ftruncate(fd, 4)
os.fsync(fd)
print(os.fstat(fd).st_size)
fd2 = os.dup(fd)
print(fd2 != fd, os.get_inheritable(fd2))
os.lseek(fd2, 0, os.SEEK_SET)
print(os.read(fd, 10))
os.set_inheritable(fd2, True)
print(os.get_inheritable(fd2))
os.close(fd2)
r, w = os.pipe()
print(os.get_inheritable(r), os.get_blocking(r))
os.write(w, b'through the pipe')
print(os.read(r, 7), os.read(r, 100))
os.set_blocking(r, False)
print(os.get_blocking(r))
try:
    os.read(r, 10)
except BlockingIOError as e:
    print('BlockingIOError', e.errno)
os.dup2(w, fd)
os.write(fd, b'dup2')
print(os.read(r, 10))
for x in (r, w, fd):
    os.close(x)
try:
    os.close(fd)
except OSError as e:
    print(type(e).__name__, e)
fd = os.open(name, os.O_RDONLY)
with open(fd, 'rb') as f:
    print(f.read(), f.name == fd)
try:
    os.fstat(fd)
except OSError as e:
    print(type(e).__name__, e.errno)
fd = os.open(name, os.O_RDONLY)
f = open(fd, closefd=False)
print(f.read())
f.close()
print(os.read(fd, 10))
os.close(fd)
f = open(name, 'w', opener=lambda path, flags: os.open(path, flags, 0o600))
f.write('opened by opener')
f.close()
print(open(name).read(), oct(os.stat(name).st_mode & 0o777))
try:
    open(name, closefd=False)
except ValueError as e:
    print('ValueError:', e)
os.unlink(name)
try:
    os.open(name, os.O_RDONLY)
except FileNotFoundError as e:
    print(str(e).replace(name, 'NAME'))
print(os.O_RDONLY, os.O_WRONLY, os.O_RDWR, os.O_APPEND, os.O_CREAT, os.O_EXCL, os.O_TRUNC)
print(os.SEEK_SET, os.SEEK_CUR, os.SEEK_END)
