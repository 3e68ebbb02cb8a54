# sys.unraisablehook receives what nobody can catch: a failing __del__,
# atexit callback or weakref callback.
import atexit
import gc
import sys
import weakref

seen = []


def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value), args.err_msg, type(args.object).__name__,
                 args.exc_traceback is not None))


print(sys.unraisablehook is sys.__unraisablehook__)
sys.unraisablehook = hook


class Dies:
    def __del__(self):
        raise ValueError("in __del__")


d = Dies()
del d
gc.collect()


class Target:
    pass


t = Target()


def callback(ref):
    raise KeyError("callback")


r = weakref.ref(t, callback)
del t
gc.collect()


def failing():
    raise ZeroDivisionError("at exit")


atexit.register(failing)
atexit._run_exitfuncs()
for s in seen:
    print(s)
print(type(sys.UnraisableHookArgs).__name__ if hasattr(sys, "UnraisableHookArgs") else "no type yet")
sys.unraisablehook = sys.__unraisablehook__
