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

__all__ = ['ProcessPoolExecutor', 'BrokenProcessPool']


class BrokenProcessPool(_base.BrokenExecutor):
    """
    Raised when a process in a ProcessPoolExecutor terminated abruptly
    while a future was in the running state.
    """


class ProcessPoolExecutor(_ProcessPoolMethods, _base.Executor):
    """Runs calls in worker processes (gilt processes, spawned)."""
