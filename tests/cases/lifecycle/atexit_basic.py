# atexit: callbacks run at exit, last registered first, with their
# arguments; unregister removes every registration of a function; an
# exception in one is printed and the others still run.
import atexit

base = atexit._ncallbacks()


def say(*args, **kw):
    print("say", args, sorted(kw.items()))


def never():
    print("never printed")


def fails():
    raise RuntimeError("callback failed")


print(atexit.register(say, 1, 2, key="v") is say)
atexit.register(never)
atexit.register(fails)
atexit.register(never)
print("slots", atexit._ncallbacks() - base)
atexit.unregister(never)
print("slots after unregister", atexit._ncallbacks() - base)


@atexit.register
def decorated():
    print("never printed either (cleared below)")


print("decorator returns the function:", decorated.__name__)


try:
    atexit.register(42)
except TypeError as e:
    print("TypeError:", e)

# _run_exitfuncs runs and forgets them; _clear forgets without running.
runs = []
atexit._clear()
atexit.register(runs.append, "a")
atexit.register(runs.append, "b")
atexit._run_exitfuncs()
print(runs, atexit._ncallbacks())
atexit.register(say, "kept")
atexit.register(say, "cleared")
atexit._clear()
print("after clear", atexit._ncallbacks())
atexit.register(say, "registered first, runs last")
atexit.register(fails)
atexit.register(say, "registered last, runs first")
print("end")
