"""gilt's `_warnings`: the names CPython's importlib and warnings take from the C module,
over gilt's `warnings`."""
from warnings import warn, filters, warn_explicit
from warnings import _onceregistry
_defaultaction = "default"


def _filters_mutated():
    pass
