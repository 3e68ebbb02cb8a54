# Folders without __init__.py import as namespace packages (PEP 420); the
# portions found along sys.path are merged into one package.
import importlib
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [os.path.join(here, "ns_portions", "one"), os.path.join(here, "ns_portions", "two")]

import nspkg.one_mod
import nspkg.two_mod
from nspkg.inner import leaf_mod as leaf

print(nspkg.one_mod.WHERE, nspkg.two_mod.WHERE, leaf.VALUE)
print(type(nspkg.__path__).__name__)
print([os.path.relpath(p, here) for p in nspkg.__path__])
print(nspkg.__file__, nspkg.__spec__.origin, nspkg.__spec__.loader is not None)
print(nspkg.__package__, nspkg.inner.__package__)
print(importlib.import_module("nspkg.inner.leaf_mod") is leaf)
try:
    import nspkg.missing
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
try:
    import no_such_namespace
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
