from contextlib import suppress
import os
with suppress(FileNotFoundError):
    os.remove("definitely_missing_file.txt")
    print("not printed")
print("after suppress")
with suppress(KeyError, IndexError):
    [][1]
print("after multiple types")
try:
    with suppress(KeyError):
        1 / 0
except ZeroDivisionError:
    print("ZeroDivisionError not suppressed")
with suppress():
    print("empty suppress")
