# fcntl on pipe fds: the blocking flag, close-on-exec, flock and lockf
# on a file, fcntl's errors.
import fcntl
import os

r, w = os.pipe()
fl = fcntl.fcntl(r, fcntl.F_GETFL)
print("nonblocking:", bool(fl & os.O_NONBLOCK))
fcntl.fcntl(r, fcntl.F_SETFL, fl | os.O_NONBLOCK)
print("nonblocking:", bool(fcntl.fcntl(r, fcntl.F_GETFL) & os.O_NONBLOCK))
try:
    os.read(r, 1)
except BlockingIOError as e:
    print(type(e).__name__, e.errno)
print("cloexec:", bool(fcntl.fcntl(w, fcntl.F_GETFD) & fcntl.FD_CLOEXEC))
fcntl.fcntl(w, fcntl.F_SETFD, 0)
print("cloexec:", bool(fcntl.fcntl(w, fcntl.F_GETFD) & fcntl.FD_CLOEXEC), os.get_inheritable(w))
os.close(r)
os.close(w)

name = "tmp_fcntl_%d" % os.getpid()
with open(name, "w") as f:
    fcntl.flock(f, fcntl.LOCK_EX)
    fcntl.flock(f.fileno(), fcntl.LOCK_UN)
    fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    fcntl.lockf(f, fcntl.LOCK_UN)
    print("locks ok")
    print(fcntl.fcntl(f, fcntl.F_GETFL, b"\0" * 8))
os.remove(name)

for args in [(), ("x", 1), (-1, fcntl.F_GETFD), (0, 1, 2.5), (0, fcntl.F_GETFL, b"x" * 1025)]:
    try:
        fcntl.fcntl(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    fcntl.lockf(0, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    fcntl.fcntl(1000, fcntl.F_GETFD)
except OSError as e:
    print(type(e).__name__, e)
print(fcntl.LOCK_SH, fcntl.LOCK_EX, fcntl.LOCK_NB, fcntl.LOCK_UN, fcntl.F_GETFL, fcntl.F_SETFL)
