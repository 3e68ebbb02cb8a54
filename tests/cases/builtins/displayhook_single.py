# compile(..., "single") echoes through sys.displayhook, as the REPL does.
import builtins
import sys

code = compile("6 * 7", "<string>", "single")
exec(code)
print(builtins._)
exec(compile("None", "<string>", "single"))
print(builtins._)

seen = []
sys.displayhook = seen.append
exec(code)
print(seen)

del sys.displayhook
try:
    exec(code)
except RuntimeError as e:
    print("RuntimeError:", e)
sys.displayhook = sys.__displayhook__

try:
    raise ValueError(42)
except ValueError:
    import io
    err = io.StringIO()
    old, sys.stderr = sys.stderr, err
    try:
        sys.__excepthook__(*sys.exc_info())
        sys.excepthook(1, "1", 1)
    finally:
        sys.stderr = old
print(err.getvalue().splitlines()[-2:])
