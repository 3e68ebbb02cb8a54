"""gilt's `_tracemalloc`, under CPython's tracemalloc.py.

gilt does not trace allocations: `is_tracing()` is False and `start()` says so
with a RuntimeError, rather than pretending with empty snapshots. What works
is everything that only asks: `warnings` shows "Enable tracemalloc to get the
object allocation traceback" under a warning about an object (a coroutine that
was never awaited) exactly as CPython does when tracemalloc is off, and
`get_traced_memory()` is (0, 0) as in CPython before `start()`.
"""


def is_tracing():
    return False


def get_traceback_limit():
    return 1


def get_traced_memory():
    return (0, 0)


def get_tracemalloc_memory():
    return 0


def reset_peak():
    pass


def clear_traces():
    pass


def _get_object_traceback(obj):
    return None


def _get_traces():
    return []


def start(nframe=1):
    nframe = nframe.__index__()
    if not 1 <= nframe <= 65535:
        raise ValueError("the number of frames must be in range [1; 65535]")
    raise RuntimeError("gilt cannot trace memory allocations: tracemalloc.start() is not supported")


def stop():
    pass
