# _multiprocessing.SemLock: a POSIX named semaphore, its API and its errors.
import os
import threading
import _multiprocessing as mp
from _multiprocessing import SemLock, sem_unlink

print(sorted(mp.flags.items()))
print(SemLock.SEM_VALUE_MAX, SemLock.__module__)

name = '/gilt-test-%d' % os.getpid()

# A recursive mutex (kind 0) belongs to the thread that took it.
m = SemLock(0, 1, 1, name, True)
print(m.kind, m.maxvalue, m.name, type(m.handle).__name__)
print(m.acquire(), m.acquire(), m._count(), m._is_mine(), m._get_value(), m._is_zero())
m.release()
print(m._count(), m._is_mine())
out = []
t = threading.Thread(target=lambda: out.append((m.acquire(False), m.acquire(timeout=0.01))))
t.start(); t.join()
print(out)
def other_release():
    try:
        m.release()
    except AssertionError as e:
        out.append(str(e))
t = threading.Thread(target=other_release)
t.start(); t.join()
print(out[-1])
m.release()
print(m._count(), m._is_mine(), m._get_value())

# A counting semaphore (kind 1) with a maximum.
s = SemLock(kind=1, value=2, maxvalue=2, name=name, unlink=False)
print(s.name == name)
print(s.acquire(), s.acquire(), s.acquire(False), s.acquire(True, 0.01), s._get_value(), s._is_zero())
s.release()
s.release()
try:
    s.release()
except ValueError as e:
    print('ValueError:', e)
with s:
    print('inside', s._get_value())
print('after', s._get_value())

# Another SemLock over the same name shares the count (as another process would).
s.acquire()
twin = SemLock._rebuild(0, 1, 2, name)
print(twin._get_value(), twin.acquire(False), s._get_value(), twin.acquire(False))
twin.release()
s.release()
print(s._get_value())

# A forked child takes the semaphore; the parent sees it.
s.acquire(); s.acquire()
pid = os.fork()
if pid == 0:
    c = SemLock._rebuild(0, 1, 2, name)
    c.release()
    os._exit(0)
os.waitpid(pid, 0)
print('after child', s._get_value())
s._after_fork()
print(s._count())

try:
    SemLock(1, 1, 1, name, False)
except FileExistsError as e:
    print(type(e).__name__, e.errno)
sem_unlink(name)
try:
    sem_unlink(name)
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.filename)

for args in [(5, 1, 1, name, True), (), (1, 1, 1, 2, True), ('a', 1, 1, 'x', True)]:
    try:
        SemLock(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    s.acquire(True, 'x')
except TypeError as e:
    print('TypeError', e)

import _posixshmem
shm = '/gilt-shm-%d' % os.getpid()
fd = _posixshmem.shm_open(shm, os.O_CREAT | os.O_EXCL | os.O_RDWR, mode=0o600)
os.ftruncate(fd, 16)
print(os.fstat(fd).st_size)
os.close(fd)
_posixshmem.shm_unlink(shm)
try:
    _posixshmem.shm_open(shm, os.O_RDWR)
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.filename == shm)
