"""The profiler under CPython's `cProfile` (`gilt -m cProfile script.py`,
`cProfile.run`, `cProfile.Profile`), written over `sys.setprofile`.

It records, per function, the calls (and how many were recursive), the time
inside it including what it called (counted for the outermost call only, as
CPython's does) and the time in its own code, plus the same four numbers for
each function it called. Built-in functions appear under a string label
(`<built-in method builtins.len>`); Python functions under their code object.
This module's own frames are not recorded."""

import sys
import time


class profiler_entry(tuple):
    """One function's numbers: code, callcount, reccallcount, totaltime, inlinetime, calls."""

    __slots__ = ()
    n_fields = 6
    code = property(lambda self: self[0])
    callcount = property(lambda self: self[1])
    reccallcount = property(lambda self: self[2])
    totaltime = property(lambda self: self[3])
    inlinetime = property(lambda self: self[4])
    calls = property(lambda self: self[5])


class profiler_subentry(tuple):
    """One caller → callee pair's numbers: code, callcount, reccallcount, totaltime, inlinetime."""

    __slots__ = ()
    n_fields = 5
    code = property(lambda self: self[0])
    callcount = property(lambda self: self[1])
    reccallcount = property(lambda self: self[2])
    totaltime = property(lambda self: self[3])
    inlinetime = property(lambda self: self[4])


def _own_file():
    return _own_file.__code__.co_filename


class _Stat:
    """Mutable counters for one function or one caller → callee pair."""

    __slots__ = ('calls', 'rec', 'total', 'inline', 'depth', 'subs')

    def __init__(self):
        self.calls = 0
        self.rec = 0
        self.total = 0.0
        self.inline = 0.0
        self.depth = 0
        self.subs = None


def _builtin_label(func):
    name = getattr(func, '__name__', None) or repr(func)
    owner = getattr(func, '__self__', None)
    if owner is None or type(owner).__name__ == 'module':
        module = getattr(func, '__module__', None) or getattr(owner, '__name__', None)
        if module:
            return '<built-in method %s.%s>' % (module, name)
        return '<built-in method %s>' % name
    return "<method '%s' of '%s' objects>" % (name, type(owner).__name__)


_DISABLE_LABEL = "<method 'disable' of '_lsprof.Profiler' objects>"


class Profiler(object):
    """Profiler(timer=None, timeunit=0.0, subcalls=True, builtins=True)"""

    def __init__(self, timer=None, timeunit=0.0, subcalls=True, builtins=True):
        self._timer = timer
        self._timeunit = timeunit
        self._subcalls = subcalls
        self._builtins = builtins
        self._stats = {}
        self._labels = {}
        self._stack = []
        self._skip = _own_file()

    def _now(self):
        if self._timer is None:
            return time.perf_counter()
        t = self._timer()
        return t * self._timeunit if self._timeunit else t

    def _key(self, frame, event, arg):
        if event == 'call' or event == 'return':
            code = frame.f_code
            return None if code.co_filename == self._skip else code
        if not self._builtins:
            return None
        # disable() ends with sys.setprofile(None): CPython lists that call as disable.
        label = _DISABLE_LABEL if arg is sys.setprofile else _builtin_label(arg)
        return self._labels.setdefault(label, label)

    def _event(self, frame, event, arg):
        if event == 'call' or event == 'c_call':
            key = self._key(frame, event, arg)
            if key is None:
                return
            stat = self._stats.get(key)
            if stat is None:
                stat = self._stats[key] = _Stat()
            stat.calls += 1
            if stat.depth:
                stat.rec += 1
            stat.depth += 1
            pair = None
            if self._subcalls and self._stack:
                caller = self._stats[self._stack[-1][0]]
                if caller.subs is None:
                    caller.subs = {}
                pair = caller.subs.get(key)
                if pair is None:
                    pair = caller.subs[key] = _Stat()
                pair.calls += 1
                if pair.depth:
                    pair.rec += 1
                pair.depth += 1
            self._stack.append([key, pair, self._now(), 0.0])
        elif event in ('return', 'c_return', 'c_exception'):
            key = self._key(frame, event, arg)
            if key is None or not self._stack or self._stack[-1][0] is not key:
                return
            key, pair, start, inner = self._stack.pop()
            elapsed = self._now() - start
            stat = self._stats[key]
            stat.depth -= 1
            stat.inline += elapsed - inner
            if not stat.depth:
                stat.total += elapsed
            if pair is not None:
                pair.depth -= 1
                pair.inline += elapsed - inner
                if not pair.depth:
                    pair.total += elapsed
            if self._stack:
                self._stack[-1][3] += elapsed

    def enable(self, subcalls=True, builtins=True):
        """Start collecting profiling information."""
        self._subcalls = subcalls
        self._builtins = builtins
        sys.setprofile(self._event)

    def disable(self):
        """Stop collecting profiling information."""
        sys.setprofile(None)
        self._stack = []

    def clear(self):
        """Clear all profiling information collected so far."""
        self._stats = {}
        self._labels = {}
        self._stack = []

    def getstats(self):
        """A list of profiler_entry, one per function called while enabled."""
        out = []
        for key, s in self._stats.items():
            calls = None
            if s.subs is not None:
                calls = [profiler_subentry((k, p.calls, p.rec, p.total, p.inline)) for k, p in s.subs.items()]
            out.append(profiler_entry((key, s.calls, s.rec, s.total, s.inline, calls)))
        return out
