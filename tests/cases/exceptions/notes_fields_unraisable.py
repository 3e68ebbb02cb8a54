# add_note's checks, the exception fields that cannot be deleted, keyword
# arguments to built-in exceptions, and a script's own sys.unraisablehook.
import gc
import sys

for e in [BaseException(1), ValueError(3)]:
    print(hasattr(e, "__notes__"))
    e.add_note("My Note")
    try:
        e.add_note(42)
    except TypeError as x:
        print(x)
    e.add_note("Your Note")
    print(e.__notes__)
    del e.__notes__
    e.add_note("Our Note")
    print(e.__notes__)
    e.__notes__ = 42
    try:
        e.add_note("will not work")
    except TypeError as x:
        print(x)
    print(e.__notes__)

for name in ["__cause__", "__context__", "args", "__traceback__"]:
    try:
        delattr(Exception(), name)
    except TypeError as x:
        print(x)
for value in [1, "s"]:
    try:
        Exception().__cause__ = value
    except TypeError as x:
        print(x)

for cls in [BaseException, ValueError, KeyError]:
    try:
        cls(a=1)
    except TypeError as x:
        print(x)


class Derived(BaseException):
    def __init__(self, fancy_arg):
        BaseException.__init__(self)
        self.fancy_arg = fancy_arg


print(Derived(fancy_arg=42).fancy_arg)

seen = []


def hook(args):
    seen.append(
        (
            args.exc_type.__name__,
            str(args.exc_value),
            args.exc_traceback is not None,
            args.err_msg,
            getattr(args.object, "__qualname__", args.object),
        )
    )


class Leaker:
    def __del__(self):
        raise RuntimeError("del failed")


print(sys.unraisablehook is sys.__unraisablehook__)
sys.unraisablehook = hook
l = Leaker()
del l
gc.collect()
sys.unraisablehook = sys.__unraisablehook__
print(seen)
print(type(sys.unraisablehook).__name__)
