# traceback.print_exc() and format_exc() (CPython's traceback.py printer),
# to stderr so that the case folder's path is stripped.
import sys
import traceback


def risky(values, i):
    return values[i] // (i - 2)


for i in (2, 5):
    try:
        risky([1, 2, 3], i)
    except Exception:
        traceback.print_exc()
try:
    obj = None
    obj.missing
except AttributeError:
    sys.stderr.write(traceback.format_exc())
print("done")
