"""gilt's `_queue`: the exception of CPython's C module, so that `queue.Empty` is
`_queue.Empty` (a traceback names it so, as in CPython). `SimpleQueue` is left to
queue.py's own pure-Python class, which runs on gilt's native locks."""


class Empty(Exception):
    "Exception raised by Queue.get(block=0)/get_nowait()."
    pass
