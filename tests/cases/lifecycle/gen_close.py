# An abandoned generator suspended inside try/finally or `with` is closed
# when its last reference goes: its finally block and __exit__ run, so a
# lock taken inside it is released (not reported as a deadlock).
import threading


def g():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")


next(g())
print("after next(g())")
it = g()
print(next(it))
it = None
print("after rebinding")
for x in g():
    print("got", x)
    break
print("after break")

lock = threading.Lock()


def locked():
    with lock:
        yield "holding"
        yield "still"


h = locked()
print(next(h), lock.locked())
del h
print("locked after del:", lock.locked())
lock.acquire()
print("acquired again")
lock.release()


def consume():
    for v in locked():
        return v


print(consume(), lock.locked())
with lock:
    print("with lock works")


class CM:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, *exc):
        print("exit", exc[0].__name__ if exc[0] else None)


def with_cm():
    with CM():
        yield 1


next(with_cm())
print("after with_cm")


# Not started, or finished, or without try/with: nothing to run.
def plain():
    yield 1


next(plain())
g2 = g()
del g2
print("unstarted dropped")


def catches():
    try:
        yield 1
    except GeneratorExit:
        print("caught GeneratorExit")
        raise


next(catches())


def bad():
    try:
        yield 1
    finally:
        raise KeyError("in finally")


next(bad())
print("end")
