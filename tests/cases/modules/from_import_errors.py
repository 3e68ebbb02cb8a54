# `from pkg import sub`: a submodule that fails while loading reports its own
# error (not "cannot import name"); a package __getattr__ raising
# AttributeError still lets a submodule be found.
import os
import sys

root = "/tmp/gilt_from_import_%d" % os.getpid()
pkg = os.path.join(root, "fi_pkg")
os.makedirs(pkg, exist_ok=True)
with open(os.path.join(pkg, "__init__.py"), "w") as f:
    f.write("def __getattr__(name):\n    raise AttributeError(name)\n")
with open(os.path.join(pkg, "broken.py"), "w") as f:
    f.write("import no_such_module_here\n")
with open(os.path.join(pkg, "bad_value.py"), "w") as f:
    f.write("raise ValueError('bad at import')\n")
with open(os.path.join(pkg, "good.py"), "w") as f:
    f.write("X = 1\n")
sys.path.insert(0, root)
try:
    try:
        from fi_pkg import broken
    except ImportError as e:
        print(type(e).__name__, e)
    try:
        from fi_pkg import bad_value
    except ValueError as e:
        print(type(e).__name__, e)
    try:
        from fi_pkg import missing
    except ImportError as e:
        print(type(e).__name__, str(e).split(" (")[0])
    from fi_pkg import good
    print(good.X)
    import fi_pkg
    print(fi_pkg.good is good)
finally:
    for name in os.listdir(pkg):
        os.remove(os.path.join(pkg, name))
    os.rmdir(pkg)
    os.rmdir(root)
