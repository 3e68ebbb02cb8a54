"""gilt's `_lsprof`: the profiler under CPython's cProfile.py.

CPython writes this module in C over its interpreter's profiling hook; gilt
builds the same object on `sys.setprofile` (per thread, as the C profiler is):
`Profiler` with enable/disable/clear/getstats, and `getstats()` entries with
the code object of each Python function (or a descriptive string for a
built-in) and its call counts, recursive call counts, total and inline times
in seconds, per caller as well (`calls`).
"""

import sys

_setprofile = sys.setprofile


class _StatsTuple(tuple):
    """A struct-sequence-like tuple whose items are also named attributes."""

    _fields = ()
    __slots__ = ()

    def __new__(cls, seq):
        seq = tuple(seq)
        if len(seq) != len(cls._fields):
            raise TypeError('%s.%s() takes a %d-sequence (%d-sequence given)'
                            % (cls.__module__, cls.__name__, len(cls._fields), len(seq)))
        return tuple.__new__(cls, seq)

    def __repr__(self):
        items = ', '.join('%s=%r' % (n, v) for n, v in zip(self._fields, self))
        return '%s.%s(%s)' % (self.__module__, type(self).__name__, items)

    def __reduce__(self):
        return (type(self), (tuple(self),))


def _field(i, doc):
    return property(lambda self: tuple.__getitem__(self, i), doc=doc)


class profiler_entry(_StatsTuple):
    __slots__ = ()
    _fields = ('code', 'callcount', 'reccallcount', 'totaltime', 'inlinetime', 'calls')
    code = _field(0, 'code object or built-in function name')
    callcount = _field(1, 'how many times this was called')
    reccallcount = _field(2, 'how many times called recursively')
    totaltime = _field(3, 'total time in this entry')
    inlinetime = _field(4, 'inline time in this entry (not in subcalls)')
    calls = _field(5, 'details of the calls')


class profiler_subentry(_StatsTuple):
    __slots__ = ()
    _fields = ('code', 'callcount', 'reccallcount', 'totaltime', 'inlinetime')
    code = _field(0, 'called code object or built-in function name')
    callcount = _field(1, 'how many times this is called')
    reccallcount = _field(2, 'how many times this is called recursively')
    totaltime = _field(3, 'total time spent in this call')
    inlinetime = _field(4, 'inline time (not in further subcalls)')


profiler_entry.__module__ = profiler_subentry.__module__ = '_lsprof'


class _Stat:
    """Counters of one function, or of one caller → callee pair."""

    __slots__ = ('calls', 'reccalls', 'tt', 'it', 'depth', 'subs')

    def __init__(self):
        self.calls = 0
        self.reccalls = 0
        self.tt = 0.0
        self.it = 0.0
        self.depth = 0
        self.subs = None


def _builtin_label(fn):
    """The string the C profiler shows for a built-in: `<built-in method
    mod.name>` for a module's function, `<method 'name' of 'type' objects>`
    for a method of a built-in type (as the method descriptor's repr)."""
    name = getattr(fn, '__name__', '?')
    owner = getattr(fn, '__self__', None)
    mod = getattr(fn, '__module__', None)
    if owner is not None and type(owner).__name__ != 'module':
        for klass in type(owner).__mro__:
            if name in klass.__dict__:
                tname = klass.__qualname__
                if klass.__module__ != 'builtins':
                    tname = '%s.%s' % (klass.__module__, tname)
                return "<method '%s' of '%s' objects>" % (name, tname)
        if isinstance(mod, str) and mod != 'builtins':
            return '<built-in method %s.%s>' % (mod, name)
        return '<built-in method %s>' % name
    if not isinstance(mod, str) and owner is not None:
        mod = owner.__name__
    if isinstance(mod, str):
        return '<built-in method %s.%s>' % (mod, name)
    return '<built-in method %s>' % name


class Profiler:
    """Profiler(timer=None, timeunit=None, subcalls=True, builtins=True)

    Builds a profiler object using the specified timer function.
    The default timer is a fast built-in one based on real time.
    For custom timer functions returning integers, timeunit can
    be a float specifying a scale (i.e. how long each integer unit
    is, in seconds).
    """

    def __init__(self, timer=None, timeunit=0.0, subcalls=True, builtins=True):
        if timer is None:
            from time import perf_counter as timer
            timeunit = 1.0
        self._timer = timer
        self._unit = float(timeunit) if timeunit else 1.0
        self._subcalls = bool(subcalls)
        self._builtins = bool(builtins)
        self._stats = {}
        self._stack = []
        self._on = False

    def _now(self):
        return self._timer() * self._unit

    def _start(self, key, now):
        stats = self._stats
        st = stats.get(key)
        if st is None:
            st = stats[key] = _Stat()
        st.depth += 1
        stack = self._stack
        if self._subcalls and stack:
            caller = stack[-1][0]
            subs = caller.subs
            if subs is None:
                subs = caller.subs = {}
            sub = subs.get(key)
            if sub is None:
                sub = subs[key] = _Stat()
            sub.depth += 1
        stack.append([st, key, now, 0.0])

    def _stop(self, now):
        st, key, t0, subt = self._stack.pop()
        tt = now - t0
        it = tt - subt
        stack = self._stack
        if stack:
            stack[-1][3] += tt
        sub = None
        if self._subcalls and stack and stack[-1][0].subs is not None:
            sub = stack[-1][0].subs.get(key)
        for s in (st,) if sub is None else (st, sub):
            s.depth -= 1
            if s.depth == 0:
                s.tt += tt
            else:
                s.reccalls += 1
            s.it += it
            s.calls += 1

    def __call__(self, frame, event, arg):
        # The profiler itself is the profile function, so that
        # `sys.getprofile()` returns it, as with CPython's C profiler.
        if not self._on:
            return
        if event == 'call':
            code = frame.f_code
            key = _DISABLE_LABEL if code is _DISABLE_CODE else code
            self._start(key, self._now())
        elif event == 'return':
            if self._stack:
                self._stop(self._now())
        elif event == 'c_call':
            if self._builtins:
                self._start(_builtin_label(arg), self._now())
        elif event in ('c_return', 'c_exception'):
            if self._builtins and self._stack:
                self._stop(self._now())

    def enable(self, subcalls=True, builtins=True):
        """enable(subcalls=True, builtins=True)

        Start collecting profiling information.
        If 'subcalls' is True, also records for each function
        statistics separated according to its current caller.
        If 'builtins' is True, records the time spent in
        built-in functions separately from their caller.
        """
        self._subcalls = bool(subcalls)
        self._builtins = bool(builtins)
        self._on = True
        _setprofile(self)

    def disable(self):
        """disable()

        Stop collecting profiling information.
        """
        self._on = False
        _setprofile(None)
        now = self._now()
        while self._stack:
            self._stop(now)

    def clear(self):
        """clear()

        Clear all profiling information collected so far.
        """
        self._stats = {}
        self._stack = []

    def getstats(self):
        """getstats() -> list of profiler_entry objects

        Return all information collected by the profiler.
        Each profiler_entry is a tuple-like object with the
        following attributes:

            code          code object
            callcount     how many times this was called
            reccallcount  how many times called recursively
            totaltime     total time in this entry
            inlinetime    inline time in this entry (not in subcalls)
            calls         details of the calls

        The calls attribute is either None or a list of
        profiler_subentry objects:

            code          called code object
            callcount     how many times this is called
            reccallcount  how many times this is called recursively
            totaltime     total time spent in this call
            inlinetime    inline time (not in further subcalls)
        """
        out = []
        for key, st in self._stats.items():
            calls = None
            if st.subs is not None:
                calls = [profiler_subentry((k, s.calls, s.reccalls, s.tt, s.it))
                         for k, s in st.subs.items()]
            out.append(profiler_entry((key, st.calls, st.reccalls, st.tt, st.it, calls)))
        return out


Profiler.__module__ = '_lsprof'

# The C profiler's own `disable` is a built-in method, shown as one; this
# module's is Python code, so its call is recorded under the same label.
_DISABLE_CODE = Profiler.disable.__code__
_DISABLE_LABEL = "<method 'disable' of '_lsprof.Profiler' objects>"
