# What each method of a closed file says, per kind of file open() returns.
import os
path = f"_tmp_closed_{os.getpid()}.dat"
with open(path, "wb") as f:
    f.write(b"abc\n")
calls = [("fileno", ()), ("flush", ()), ("isatty", ()), ("read", ()), ("read", (1,)),
         ("readline", ()), ("readlines", ()), ("seek", (0,)), ("tell", ()),
         ("readable", ()), ("writable", ()), ("seekable", ()), ("truncate", ()),
         ("write", (b"",)), ("write", ("",)), ("writelines", ([],)), ("__iter__", ()),
         ("__next__", ()), ("__enter__", ()), ("readinto", (bytearray(2),)), ("read1", ())]
for mode in ("rb", "wb", "ab", "r+b", "r", "w", "a+"):
    f = open(path, mode)
    f.close()
    for name, args in calls:
        meth = getattr(f, name, None)
        if meth is None:
            continue
        try:
            r = meth(*args)
            print(mode, name, "->", r)
        except Exception as e:
            print(mode, name, type(e).__name__, e)
# Open files: the operation a mode does not allow.
with open(path, "rb") as f:
    for name, args in [("write", (b"x",)), ("truncate", ())]:
        try:
            getattr(f, name)(*args)
        except Exception as e:
            print("rb open", name, type(e).__name__, e)
with open(path, "ab") as f:
    for name in ("read", "readline", "read1"):
        try:
            getattr(f, name)()
        except Exception as e:
            print("ab open", name, type(e).__name__, e)
os.remove(path)
