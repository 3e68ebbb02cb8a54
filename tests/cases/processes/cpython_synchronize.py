# CPython's multiprocessing.synchronize, connection and queues modules, which
# rest on _multiprocessing.SemLock, beside the package's own objects.
import os
import multiprocessing.synchronize as synchronize
import multiprocessing.connection as connection
import multiprocessing.queues as queues
import multiprocessing.context as context

ctx = context._default_context.get_context('fork')
lock = synchronize.Lock(ctx=ctx)
print(lock.acquire(), lock.acquire(False), lock)
lock.release()
print(lock)
rlock = synchronize.RLock(ctx=ctx)
with rlock:
    with rlock:
        print(rlock)
print(rlock)
sem = synchronize.Semaphore(2, ctx=ctx)
print(sem.get_value(), sem.acquire(), sem.get_value(), sem)
sem.release()
bsem = synchronize.BoundedSemaphore(1, ctx=ctx)
try:
    bsem.release()
except ValueError as e:
    print('ValueError:', e)
ev = synchronize.Event(ctx=ctx)
print(ev.is_set(), ev.wait(0.01))
ev.set()
print(ev.is_set(), ev.wait(0.01))
cond = synchronize.Condition(ctx=ctx)
with cond:
    print(cond.wait(0.01))

# A lock shared with a forked child.
lock.acquire()
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    got = lock.acquire(timeout=5)
    os.write(w, b'child got the lock: %d\n' % got)
    os._exit(0)
os.close(w)
lock.release()
print(os.read(r, 100).decode().strip())
os.waitpid(pid, 0)
os.close(r)

# Connections over a pipe and over a socket pair.
a, b = connection.Pipe()
a.send({'x': [1, 2, 3]})
print(b.recv(), b.poll(), a.poll(0.01))
b.send_bytes(b'hello')
print(a.recv_bytes())
print(connection.wait([a, b], timeout=0.01))
r1, w1 = connection.Pipe(duplex=False)
w1.send('one way')
print(r1.recv())
a.close(); b.close()

# A SimpleQueue (a pipe and locks) used with a forked child.
q = queues.SimpleQueue(ctx=ctx)
pid = os.fork()
if pid == 0:
    for i in range(3):
        q.put(i * i)
    os._exit(0)
print([q.get() for _ in range(3)], q.empty())
os.waitpid(pid, 0)
q.close()
