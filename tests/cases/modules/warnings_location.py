# warnings name the caller's file and line (stacklevel counts frames), as CPython's.
import sys
import warnings

import os

sys.stderr = sys.stdout
warnings.simplefilter("always")
_show = warnings.showwarning


def show(message, category, filename, lineno, file=None, line=None):
    # The default display, with the file's base name (the path differs per checkout).
    _show(message, category, os.path.basename(filename), lineno, file, line)


warnings.showwarning = show


def deprecated():
    warnings.warn("old api", DeprecationWarning, stacklevel=2)


def inner():
    warnings.warn("inner warning")


deprecated()
inner()
warnings.warn("top", UserWarning)
with warnings.catch_warnings(record=True) as got:
    warnings.simplefilter("always")
    deprecated()
    warnings.warn_explicit("explicit", RuntimeWarning, "somefile.py", 12)
for w in got:
    print(w.category.__name__, w.message, w.filename.rsplit("/", 1)[-1], w.lineno)
print(warnings.formatwarning("msg", UserWarning, "f.py", 3, "line text"))
print(hasattr(warnings, "_deprecated"))
