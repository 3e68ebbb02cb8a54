"""gilt's timeit: timing of callables (string statements need exec)."""

import time
import sys

__all__ = ["Timer", "timeit", "repeat", "default_timer"]

default_timer = time.perf_counter
default_number = 1000000
default_repeat = 5

_NEEDS_CALLABLE = "gilt's timeit needs a callable: timeit(lambda: ..., number=...)"


def _check(stmt, what):
    if isinstance(stmt, str):
        if stmt.strip() in ("", "pass"):
            return lambda: None
        raise ValueError(_NEEDS_CALLABLE)
    if not callable(stmt):
        raise ValueError("%s is neither a string nor callable" % what)
    return stmt


class Timer:
    def __init__(self, stmt="pass", setup="pass", timer=default_timer,
                 globals=None):
        self.timer = timer
        self._stmt = _check(stmt, "stmt")
        self._setup = _check(setup, "setup")

    def timeit(self, number=default_number):
        stmt = self._stmt
        self._setup()
        timer = self.timer
        t0 = timer()
        for _ in range(number):
            stmt()
        return timer() - t0

    def repeat(self, repeat=default_repeat, number=default_number):
        return [self.timeit(number) for _ in range(repeat)]

    def autorange(self, callback=None):
        i = 1
        while True:
            for j in 1, 2, 5:
                number = i * j
                time_taken = self.timeit(number)
                if callback:
                    callback(number, time_taken)
                if time_taken >= 0.2:
                    return (number, time_taken)
            i *= 10

    def print_exc(self, file=None):
        import traceback
        traceback.print_exc(file=file)


def timeit(stmt="pass", setup="pass", timer=default_timer,
           number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer,
           repeat=default_repeat, number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)
