# importlib.reload re-runs a module's source in the same module object, and the
# spec_from_file_location + module_from_spec + exec_module recipe loads a file.
import os
import sys

import importlib
import importlib.util

sys.dont_write_bytecode = True
tmp = 'tmp_importlib_reload_%d' % os.getpid()
os.mkdir(tmp)
try:
    path = os.path.join(tmp, 'rl_target.py')
    with open(path, 'w') as f:
        f.write('print("first run")\nCOUNT = 1\nKEEP = "k"\n')
    sys.path.insert(0, tmp)
    import rl_target
    rl_target.EXTRA = 'stays'
    with open(path, 'w') as f:
        f.write('print("second run, longer source")\nCOUNT = 2\n')
    again = importlib.reload(rl_target)
    print(again is rl_target, rl_target.COUNT, rl_target.KEEP, rl_target.EXTRA)
    try:
        importlib.reload(42)
    except TypeError as e:
        print('TypeError', e)

    other = os.path.join(tmp, 'loaded_by_path.py')
    with open(other, 'w') as f:
        f.write('def double(x):\n    return 2 * x\nWHO = __name__\n')
    spec = importlib.util.spec_from_file_location('by_path', other)
    mod = importlib.util.module_from_spec(spec)
    print(type(mod).__name__, mod.__name__, 'by_path' in sys.modules)
    spec.loader.exec_module(mod)
    print(mod.double(21), mod.WHO, os.path.basename(mod.__file__))
    print(spec.name, spec.has_location, os.path.basename(spec.origin))
finally:
    for root, dirs, files in os.walk(tmp, topdown=False):
        for name in files:
            os.remove(os.path.join(root, name))
        for name in dirs:
            os.rmdir(os.path.join(root, name))
    os.rmdir(tmp)
