# threading.RLock is _thread.RLock (CPython's C lock): recursion count,
# owner checks, the save/restore pair Condition uses, reprs.
import threading
import _thread

r = threading.RLock()
print(type(r) is _thread.RLock, type(r).__module__, type(r).__name__)
me = threading.get_ident()


def show(lock):
    return repr(lock).split(" at ")[0].replace(str(me), "ME")


print(show(r), r._is_owned())
with r:
    with r:
        print(show(r), r._is_owned(), r._recursion_count())
        state = r._release_save()
        print("saved", state[0], state[1] == me, show(r))
        r._acquire_restore(state)
        print("restored", show(r))
print(show(r))

try:
    r.release()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    r._release_save()
except RuntimeError as e:
    print("RuntimeError", e)

# Another thread cannot release it, nor does it own it.
r.acquire()
seen = []
t = threading.Thread(target=lambda: seen.append((r._is_owned(), r.acquire(False))))
t.start()
t.join()
print("other thread:", seen)
r.release()

# Condition over an RLock held twice: wait() releases it fully.
cond = threading.Condition(threading.RLock())
ready = []


def waiter():
    with cond:
        with cond:
            ready.append("waiting")
            cond.notify()
            cond.wait()
            ready.append("woken")


with cond:
    t = threading.Thread(target=waiter)
    t.start()
    cond.wait_for(lambda: ready)
    cond.notify()
t.join()
print(ready)

args = threading.ExceptHookArgs([ValueError, ValueError("x"), None, None])
print(type(args).__module__, type(args).__name__, args.exc_type.__name__, args.thread, len(args))
print(threading.excepthook is _thread._excepthook)
