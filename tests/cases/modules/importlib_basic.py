# importlib over gilt's importer: import_module (absolute and relative),
# find_spec on loaded, unloaded and missing modules, specs of loaded modules.
import os
import sys

import importlib
import importlib.machinery
import importlib.util

sys.dont_write_bytecode = True
tmp = 'tmp_importlib_basic_%d' % os.getpid()
os.mkdir(tmp)
try:
    os.mkdir(os.path.join(tmp, 'ilpkg'))
    with open(os.path.join(tmp, 'ilpkg', '__init__.py'), 'w') as f:
        f.write('NAME = "pkg"\n')
    with open(os.path.join(tmp, 'ilpkg', 'sub.py'), 'w') as f:
        f.write('print("sub runs")\nVALUE = 42\n')
    sys.path.insert(0, tmp)

    json = importlib.import_module('json')
    print(json.dumps({'a': [1, 2]}))
    print(importlib.import_module('json') is json)
    sub = importlib.import_module('.sub', 'ilpkg')
    print(sub.VALUE, sub.__name__, sub.__spec__.name, sub.__spec__.parent)
    print(importlib.import_module('ilpkg.sub') is sub)
    print(sys.modules['ilpkg'].__spec__.submodule_search_locations is not None)
    print(type(sub.__loader__) is importlib.machinery.SourceFileLoader)

    spec = importlib.util.find_spec('json')
    print(spec.name, spec.origin is not None)
    spec = importlib.util.find_spec('ilpkg.sub')
    print(spec.name, os.path.basename(spec.origin))
    print(importlib.util.find_spec('no_such_module_xyz'))
    for bad in ['no_such_module_xyz', '.sub']:
        try:
            importlib.import_module(bad)
        except (ImportError, TypeError) as e:
            print(type(e).__name__, e)
    print(importlib.machinery.SOURCE_SUFFIXES)
    print(importlib.util.resolve_name('.sub', 'ilpkg'))
finally:
    for root, dirs, files in os.walk(tmp, topdown=False):
        for name in files:
            os.remove(os.path.join(root, name))
        for name in dirs:
            os.rmdir(os.path.join(root, name))
    os.rmdir(tmp)
