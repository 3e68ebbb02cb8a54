"""The `_contextvars` module under CPython's contextvars.py: ContextVar,
Token, Context and copy_context. Each thread has its own current context
(a new thread starts with an empty one, as in CPython), kept by the
interpreter (`_gilt_context`); `Context.run` enters a context for the
length of a call, and the event loop runs each asyncio task and callback in
its own context (a copy of the creator's, or the `context=` given)."""

import _gilt_context

__all__ = ('Context', 'ContextVar', 'Token', 'copy_context')

_MISSING = object()


def _ctx():
    c = _gilt_context.get()
    if c is None:
        c = Context()
        _gilt_context.set(c)
    return c


class _Missing:
    def __repr__(self):
        return '<Token.MISSING>'


class Context:
    """A mapping of context variables to their values."""

    def __init__(self):
        self._vars = {}
        self._entered = False

    def run(self, callable, /, *args, **kwargs):
        if self._entered:
            raise RuntimeError(
                f'cannot enter context: {self} is already entered')
        saved = _gilt_context.set(self)
        self._entered = True
        try:
            return callable(*args, **kwargs)
        finally:
            self._entered = False
            _gilt_context.set(saved)

    def copy(self):
        new = Context()
        new._vars = dict(self._vars)
        return new

    def __getitem__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(
                f"a ContextVar key was expected, got {var!r}")
        return self._vars[var]

    def get(self, var, default=None):
        if not isinstance(var, ContextVar):
            raise TypeError(
                f"a ContextVar key was expected, got {var!r}")
        return self._vars.get(var, default)

    def __contains__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(
                f"a ContextVar key was expected, got {var!r}")
        return var in self._vars

    def __len__(self):
        return len(self._vars)

    def __iter__(self):
        return iter(self._vars)

    def keys(self):
        return self._vars.keys()

    def values(self):
        return self._vars.values()

    def items(self):
        return self._vars.items()


def copy_context():
    return _ctx().copy()


class ContextVar:
    """A variable whose value depends on the current context."""

    def __init__(self, name, *, default=_MISSING):
        if not isinstance(name, str):
            raise TypeError('context variable name must be a str')
        self._name = name
        self._default = default

    @property
    def name(self):
        return self._name

    def get(self, *args):
        if len(args) > 1:
            raise TypeError(
                f'get expected at most 1 argument, got {len(args)}')
        try:
            return _ctx()._vars[self]
        except KeyError:
            pass
        if args:
            return args[0]
        if self._default is not _MISSING:
            return self._default
        raise LookupError(self)

    def set(self, value):
        ctx = _ctx()
        old = ctx._vars.get(self, Token.MISSING)
        ctx._vars[self] = value
        return Token(ctx, self, old)

    def reset(self, token):
        if not isinstance(token, Token):
            raise TypeError(
                f"expected an instance of Token, got {token!r}")
        if token._used:
            raise RuntimeError(f'{token!r} has already been used once')
        if token._var is not self:
            raise ValueError(f'{token!r} was created by a different ContextVar')
        ctx = _ctx()
        if token._ctx is not ctx:
            raise ValueError(f'{token!r} was created in a different Context')
        token._used = True
        if token._old is Token.MISSING:
            ctx._vars.pop(self, None)
        else:
            ctx._vars[self] = token._old

    def __class_getitem__(cls, item):
        return cls

    def __repr__(self):
        r = f'<ContextVar name={self._name!r}'
        if self._default is not _MISSING:
            r += f' default={self._default!r}'
        return r + f' at 0x{id(self):x}>'

    def __hash__(self):
        return object.__hash__(self)


class Token:
    """What ContextVar.set returns, for ContextVar.reset."""

    MISSING = _Missing()

    def __init__(self, ctx, var, old):
        self._ctx = ctx
        self._var = var
        self._old = old
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old

    def __repr__(self):
        used = ' used' if self._used else ''
        return f'<Token{used} var={self._var!r} at 0x{id(self):x}>'
