# CPython 3.11 freezes os, posixpath, codecs, io, abc, site, runpy, stat … into its
# binary: their frames read `File "<frozen os>", line N, in makedirs` with no source
# line, while `os.__file__` is still the file. A wrong argument to os.path.join and a
# failing os.makedirs show those frames, then the script's own.
import os
import traceback

print(os.__file__.endswith("os.py"), os.makedirs.__code__.co_filename)
try:
    os.path.join("a", 5)
except TypeError:
    traceback.print_exc()
os.makedirs("/proc/no/such/dir")
