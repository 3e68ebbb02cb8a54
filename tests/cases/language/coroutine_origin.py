# sys.set_coroutine_origin_tracking_depth: a new coroutine's cr_origin holds
# the creating frames (innermost first), and the "never awaited" warning
# lists them; warnings._warn_unawaited_coroutine is what issues it.
import gc
import os
import sys
import warnings


async def corofn():
    pass


def a1():
    return corofn()


def a2():
    return a1()


def show(origin):
    if origin is None:
        return None
    return [(os.path.basename(f), line, name) for f, line, name in origin]


print(sys.get_coroutine_origin_tracking_depth())
for depth in (0, 1, 2, 3):
    sys.set_coroutine_origin_tracking_depth(depth)
    c = a2()
    print(depth, show(c.cr_origin))
    c.close()

sys.set_coroutine_origin_tracking_depth(2)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    a2()
    gc.collect()
for x in w:
    print(x.category.__name__, str(x.message).replace(os.path.dirname(__file__) + os.sep, ""))
sys.set_coroutine_origin_tracking_depth(0)
try:
    sys.set_coroutine_origin_tracking_depth(-1)
except ValueError as e:
    print("ValueError:", e)

# A broken hook: its error is unraisable, then the plain warning is given.
seen = []
sys.unraisablehook = lambda u: seen.append((u.exc_type.__name__, u.object is not None))
orig = warnings._warn_unawaited_coroutine
warnings._warn_unawaited_coroutine = lambda coro: 1 / 0
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    a2()
    gc.collect()
print(seen, [str(x.message) for x in w])
warnings._warn_unawaited_coroutine = orig
