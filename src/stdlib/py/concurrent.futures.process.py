"""concurrent.futures.process for gilt: ProcessPoolExecutor over gilt's
worker processes (the methods are in _mp_executor.py).

It stays gilt's own: CPython's process.py rests on multiprocessing's
queues, pipes and process objects, which gilt's multiprocessing (its own
worker protocol, see _mp_core.py) does not provide. The rest of
concurrent.futures (_base.py, thread.py) is CPython's.
"""

from concurrent.futures import _base
from concurrent.futures._base import Future
from _mp_executor import ProcessPoolMethods as _ProcessPoolMethods
from _mp_core import RemoteTraceback as _RemoteTraceback

__all__ = ['ProcessPoolExecutor', 'BrokenProcessPool']


class BrokenProcessPool(_base.BrokenExecutor):
    """
    Raised when a process in a ProcessPoolExecutor terminated abruptly
    while a future was in the running state.
    """


class ProcessPoolExecutor(_ProcessPoolMethods, _base.Executor):
    """Runs calls in worker processes (gilt processes, spawned)."""


# What _check_system_limits found: None until it has looked, then '' (the
# pool is usable) or why not.
_limits_verdict = None


def _check_system_limits():
    """Raises NotImplementedError when this system cannot run a process pool
    (as CPython's does: no multiprocessing.synchronize, or fewer than 256
    POSIX semaphores); looks once and remembers."""
    global _limits_verdict
    if _limits_verdict is None:
        _limits_verdict = _system_limits()
    if _limits_verdict:
        raise NotImplementedError(_limits_verdict)


def _system_limits():
    try:
        import multiprocessing.synchronize
    except ImportError:
        return ("This Python build lacks multiprocessing.synchronize, usually due "
                "to named semaphores being unavailable on this platform.")
    import os
    try:
        most = os.sysconf("SC_SEM_NSEMS_MAX")
    except (AttributeError, ValueError):
        return ''
    if most == -1 or most >= 256:
        return ''
    return "system provides too few semaphores (%d available, 256 necessary)" % most
