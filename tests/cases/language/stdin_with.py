# The standard streams as context managers, stdin iterated line by line,
# and stdin's binary buffer.
import sys

with sys.stdin as f:
    print(f is sys.stdin)
    first = f.readline()
    print(repr(first))
    for line in f:
        print(repr(line))
