# open(): a binary file's mode as FileIO names it, the append position, text seeks,
# readinto into any writable buffer, path-like and NUL file names.
import os
from array import array
path = f"_tmp_modes_{os.getpid()}.dat"
with open(path, "wb") as f:
    f.write(b"12345")
for mode in ("rb", "wb", "ab", "r+b", "w+b", "a+b", "r", "w", "a", "r+", "w+", "a+"):
    with open(path, mode) as f:
        inner = f.buffer.mode if hasattr(f, "buffer") else "-"
        print(mode, f.mode, inner)
    with open(path, "wb") as f:
        f.write(b"12345")
with open(path, "ab") as f:
    print("append tell", f.tell())
    f.write(b"67")
    print("after write", f.tell())
with open(path, "a") as f:
    print("text append tell", f.tell())
with open(path, encoding="utf-8") as f:
    print(f.read(2), f.seek(0, 1), f.seek(0, 2), f.seek(0))
    for off, whence in ((1, 1), (-1, 2), (2, 1)):
        try:
            f.seek(off, whence)
        except Exception as e:
            print(type(e).__name__, e)
a = array("b", b"x" * 10)
with open(path, "rb") as f:
    print(f.readinto(a), a.tobytes())
ints = array("i", [0, 0])
with open(path, "rb") as f:
    print(f.readinto(ints), ints.tobytes())
buf = bytearray(4)
with open(path, "rb") as f:
    print(f.readinto(memoryview(buf)[1:]), buf)
    for bad in (b"xx", "xx"):
        try:
            f.readinto(bad)
        except TypeError as e:
            print("TypeError", e)

class P:
    def __init__(self, v):
        self.v = v
    def __fspath__(self):
        return self.v

with open(P(os.fsencode(path)), "rb") as f:
    print("bytes path-like", f.read(3))
for bad in (P(3), P(None), 3.5, [1]):
    try:
        open(bad, "rb")
    except TypeError as e:
        print("TypeError", e)
for bad in ("ab\0c", b"ab\0c"):
    try:
        open(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    open(P("/nonexistent_dir_x/y"))
except FileNotFoundError as e:
    print("FileNotFoundError", e.filename)
os.remove(path)
