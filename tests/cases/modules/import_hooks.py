# Import hooks a script installs: finders in sys.meta_path (before and after
# the standard ones), and zip archives on sys.path (through sys.path_hooks).

import importlib.util
import os
import sys
import tempfile
import zipfile


class VirtualLoader:
    def __init__(self, source):
        self.source = source

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        exec(self.source, module.__dict__)


class VirtualFinder:
    """Serves modules from a dict of sources; logs what it was asked."""

    def __init__(self, sources):
        self.sources = sources
        self.asked = []

    def find_spec(self, name, path, target=None):
        self.asked.append(name)
        if name in self.sources:
            return importlib.util.spec_from_loader(name, VirtualLoader(self.sources[name]))
        return None


first = VirtualFinder({'virtual_mod': 'X = 41 + 1\n', 'json': 'SHADOWED = True\n'})
sys.meta_path.insert(0, first)
import virtual_mod
print(virtual_mod.X, virtual_mod.__name__, type(virtual_mod.__loader__).__name__)
import json
print('json shadowed:', getattr(json, 'SHADOWED', False))
sys.meta_path.remove(first)
del sys.modules['json']
import json
print('json real:', hasattr(json, 'dumps'))

last = VirtualFinder({'late_mod': 'Y = "late"\n', 'os': 'NOT_USED = 1\n'})
sys.meta_path.append(last)
import late_mod
print(late_mod.Y, 'os' in last.asked)

try:
    import no_such_module_anywhere
except ModuleNotFoundError as e:
    print(type(e).__name__, e, 'no_such_module_anywhere' in last.asked)
sys.meta_path.remove(last)

with tempfile.TemporaryDirectory() as d:
    archive = os.path.join(d, 'bundle.zip')
    with zipfile.ZipFile(archive, 'w') as z:
        z.writestr('zipped.py', 'def hello():\n    return "hello from a zip"\n')
        z.writestr('zpkg/__init__.py', 'NAME = "zpkg"\n')
        z.writestr('zpkg/sub.py', 'from . import NAME\nVALUE = NAME + ".sub"\n')
    sys.path.insert(0, archive)
    import zipped
    print(zipped.hello(), os.path.relpath(zipped.__file__, d))
    import zpkg.sub
    print(zpkg.sub.VALUE, os.path.relpath(zpkg.__path__[0], d))
    print(type(sys.path_importer_cache[archive]).__name__)
    try:
        import not_in_the_zip
    except ImportError as e:
        print(type(e).__name__, e)
    sys.path.remove(archive)
