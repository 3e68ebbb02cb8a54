# A folder earlier on sys.path shadows CPython's library, as in CPython;
# packages get __path__ and their submodules are found there.
import os, sys
here = os.path.dirname(os.path.abspath(__file__))
d = os.path.join(here, "_shadow_tmp")
os.makedirs(os.path.join(d, "mypkg"), exist_ok=True)
with open(os.path.join(d, "colorsys.py"), "w") as f:
    f.write("WHO = 'mine'\n")
with open(os.path.join(d, "mypkg", "__init__.py"), "w") as f:
    f.write("from . import sub\n")
with open(os.path.join(d, "mypkg", "sub.py"), "w") as f:
    f.write("VALUE = 42\n")
sys.path.insert(0, d)
try:
    import colorsys, mypkg
    print(colorsys.WHO)
    print(mypkg.sub.VALUE, [os.path.basename(p) for p in mypkg.__path__])
    import mypkg.sub as s
    print(s.__name__, s.__package__)
    import email.mime
    print(email.mime.__name__, [os.path.basename(p) for p in email.mime.__path__])
finally:
    for root, dirs, files in os.walk(d, topdown=False):
        for n in files:
            os.remove(os.path.join(root, n))
        for n in dirs:
            os.rmdir(os.path.join(root, n))
    os.rmdir(d)
