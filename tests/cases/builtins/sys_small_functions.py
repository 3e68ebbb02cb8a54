# The smaller sys functions: getrefcount follows references, breakpoint()
# calls sys.breakpointhook, call_tracing, is_finalizing,
# stdlib_module_names, and the getters refuse arguments.
import os
import sys

x = [1, 2]
before = sys.getrefcount(x)
holders = [x, x, x]
print("an int that rose:", type(before).__name__, sys.getrefcount(x) > before)
try:
    sys.getrefcount()
except TypeError as e:
    print("TypeError:", e)

calls = []
sys.breakpointhook = lambda *a, **k: calls.append((a, k)) or "hooked"
print(breakpoint(1, 2, three=3), calls)
sys.breakpointhook = sys.__breakpointhook__
os.environ["PYTHONBREAKPOINT"] = "0"
print("disabled:", breakpoint())
os.environ["PYTHONBREAKPOINT"] = "builtins.len"
print("by name:", breakpoint("abcd"))
del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as e:
    print("RuntimeError:", e)
sys.breakpointhook = sys.__breakpointhook__

print(sys.call_tracing(max, (3, 9, 4)))
try:
    sys.call_tracing(max, [1])
except TypeError as e:
    print("TypeError:", e)
print("finalizing:", sys.is_finalizing())
print(type(sys.stdlib_module_names).__name__, all(m in sys.stdlib_module_names for m in ("os", "sys", "json", "collections")))
print(isinstance(sys.copyright, str))
for f in (sys.getdefaultencoding, sys.getrecursionlimit):
    try:
        f(1)
    except TypeError as e:
        print("TypeError:", e)
sys.set_coroutine_origin_tracking_depth(3)
print(sys.get_coroutine_origin_tracking_depth())
sys.set_coroutine_origin_tracking_depth(0)
