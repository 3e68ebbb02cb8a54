"""gilt's pprint: CPython's layout for dicts, lists, tuples and sets."""

import sys

__all__ = ["pprint", "pformat", "pp", "PrettyPrinter", "saferepr"]


class _safe_key:
    def __init__(self, obj):
        self.obj = obj

    def __lt__(self, other):
        try:
            return self.obj < other.obj
        except TypeError:
            return ((str(type(self.obj)), id(self.obj)) <
                    (str(type(other.obj)), id(other.obj)))


def _recursion(obj):
    return "<Recursion on %s with id=%s>" % (type(obj).__name__, id(obj))


def _sorted_repr(obj, sort_dicts, context=None):
    # `context` holds the ids of the containers being printed around `obj`:
    # meeting one again is a self-reference, printed as CPython does.
    if context is None:
        context = set()
    kind = None
    if isinstance(obj, dict) and type(obj).__repr__ is dict.__repr__:
        kind = dict
    elif isinstance(obj, list) and type(obj).__repr__ is list.__repr__:
        kind = list
    elif isinstance(obj, tuple) and type(obj).__repr__ is tuple.__repr__:
        kind = tuple
    if kind is None or not obj:
        return repr(obj)
    objid = id(obj)
    if objid in context:
        return _recursion(obj)
    context.add(objid)
    try:
        if kind is dict:
            items = obj.items()
            if sort_dicts:
                items = sorted(items, key=lambda kv: _safe_key(kv[0]))
            return "{" + ", ".join("%s: %s" % (_sorted_repr(k, sort_dicts, context),
                                               _sorted_repr(v, sort_dicts, context))
                                   for k, v in items) + "}"
        parts = [_sorted_repr(x, sort_dicts, context) for x in obj]
        if kind is list:
            return "[" + ", ".join(parts) + "]"
        if len(obj) == 1:
            return "(" + parts[0] + ",)"
        return "(" + ", ".join(parts) + ")"
    finally:
        context.discard(objid)


def saferepr(obj):
    return _sorted_repr(obj, True)


class PrettyPrinter:
    def __init__(self, indent=1, width=80, depth=None, stream=None, *,
                 compact=False, sort_dicts=True, underscore_numbers=False):
        self._indent_per_level = indent
        self._width = width
        self._stream = stream
        self._sort_dicts = sort_dicts

    def pformat(self, obj):
        out = []
        self._context = set()
        self._format(obj, out, 0, 0)
        return "".join(out)

    def pprint(self, obj):
        stream = self._stream if self._stream is not None else sys.stdout
        stream.write(self.pformat(obj) + "\n")

    def _format(self, obj, out, indent, allowance):
        objid = id(obj)
        if objid in self._context:
            out.append(_recursion(obj))
            return
        rep = _sorted_repr(obj, self._sort_dicts, self._context)
        if len(rep) <= self._width - indent - allowance:
            out.append(rep)
            return
        self._context.add(objid)
        try:
            self._format_items(obj, rep, out, indent, allowance)
        finally:
            self._context.discard(objid)

    def _format_items(self, obj, rep, out, indent, allowance):
        if isinstance(obj, dict) and type(obj).__repr__ is dict.__repr__ and obj:
            out.append("{")
            ipl = self._indent_per_level
            if ipl > 1:
                out.append((ipl - 1) * " ")
            items = list(obj.items())
            if self._sort_dicts:
                items.sort(key=lambda kv: _safe_key(kv[0]))
            ind = indent + ipl
            last = len(items) - 1
            for i, (k, v) in enumerate(items):
                krep = _sorted_repr(k, self._sort_dicts, self._context)
                out.append(krep + ": ")
                self._format(v, out, ind + len(krep) + 2,
                             allowance + 1 if i == last else 1)
                if i != last:
                    out.append(",\n" + " " * ind)
            out.append("}")
            return
        if ((isinstance(obj, list) and type(obj).__repr__ is list.__repr__) or
                (isinstance(obj, tuple) and type(obj).__repr__ is tuple.__repr__)) and obj:
            if isinstance(obj, list):
                open_, close = "[", "]"
            else:
                open_, close = "(", ",)" if len(obj) == 1 else ")"
            out.append(open_)
            ipl = self._indent_per_level
            if ipl > 1:
                out.append((ipl - 1) * " ")
            ind = indent + ipl
            last = len(obj) - 1
            for i, x in enumerate(obj):
                self._format(x, out, ind,
                             allowance + len(close) if i == last else 1)
                if i != last:
                    out.append(",\n" + " " * ind)
            out.append(close)
            return
        out.append(rep)


def pformat(object, indent=1, width=80, depth=None, *, compact=False,
            sort_dicts=True, underscore_numbers=False):
    return PrettyPrinter(indent=indent, width=width,
                         sort_dicts=sort_dicts).pformat(object)


def pprint(object, stream=None, indent=1, width=80, depth=None, *,
           compact=False, sort_dicts=True, underscore_numbers=False):
    PrettyPrinter(indent=indent, width=width, stream=stream,
                  sort_dicts=sort_dicts).pprint(object)


def pp(object, *args, sort_dicts=False, **kwargs):
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)
