import sys
try:
    sys.exit(4)
except SystemExit as e:
    print("caught SystemExit", e.code, repr(e))
try:
    sys.exit("message")
except SystemExit as e:
    print("code:", e.code)
try:
    raise SystemExit
except SystemExit as e:
    print("bare:", e.code)
try:
    exit(7)
except SystemExit as e:
    print("exit():", e.code)
try:
    raise KeyboardInterrupt
except Exception:
    print("not here")
except BaseException as e:
    print("BaseException caught", type(e).__name__)
print("still running")
