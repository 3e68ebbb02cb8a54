"""Runs many fuzz programs in one interpreter process (difffuzz.py --batch).

Both interpreters run this file; difffuzz.py feeds each the same programs on
standard input, one at a time, as records

    INDEX NBYTES\\n<NBYTES bytes of UTF-8 source>

and reads back, on file descriptor 1,

    @@ INDEX NBYTES\\n<NBYTES bytes: the program's captured stdout>

Each program is compiled as `progINDEX.py` and `exec`'d in a fresh namespace
with `sys.stdout` replaced by a StringIO, so its output is its own; an
exception that escapes it (SystemExit included) ends its output with the
line `#! uncaught TYPE: MESSAGE`. Process start-up (and the import of the
library the programs use) is paid once for many programs, which is what
makes a million executions affordable.

The driver sets no time limit of its own: a program that does not finish is
noticed by difffuzz.py, which kills this process and starts a fresh one for
the rest of the batch. State a program leaves behind in shared modules stays
for the next ones in both interpreters alike; a difference is therefore
judged again with the program alone in its own process before it counts.
"""

import builtins
import io
import os
import sys


def describe(exc):
    """`TYPE: MESSAGE` of an escaped exception, even when its str() fails."""
    try:
        msg = str(exc)
    except BaseException as e:  # a user __str__ that raises
        msg = f"<str() raised {type(e).__name__}>"
    return f"{type(exc).__name__}: {msg}"


def run_one(index, src, limit):
    """The captured stdout of one program, ending with its uncaught exception if any."""
    real_out, real_err = sys.stdout, sys.stderr
    captured = io.StringIO()
    sys.stdout = captured
    namespace = {"__name__": "__main__", "__builtins__": builtins}
    try:
        exec(compile(src, f"prog{index}.py", "exec"), namespace)
    except BaseException as e:
        # Printed to the capture, as the program's own last line would be.
        print("#! uncaught", describe(e), file=captured)
    finally:
        sys.stdout, sys.stderr = real_out, real_err
        # A program may lower or raise the limit; the next one starts as this one did.
        sys.setrecursionlimit(limit)
    namespace.clear()  # breaks the cycle functions -> globals, so memory stays flat
    return captured.getvalue()


def write_all(fd, data):
    while data:
        n = os.write(fd, data)
        data = data[n:]


def main():
    stdin = sys.stdin.buffer
    limit = sys.getrecursionlimit()
    while True:
        header = stdin.readline()
        if not header:
            return
        index, nbytes = header.split()
        data = b""
        while len(data) < int(nbytes):  # a pipe may hand the bytes over in pieces
            chunk = stdin.read(int(nbytes) - len(data))
            if not chunk:
                return
            data += chunk
        src = data.decode("utf-8", "surrogatepass")  # compile() then refuses a lone surrogate in both
        out = run_one(index.decode(), src, limit).encode("utf-8", "backslashreplace")
        write_all(1, b"@@ " + index + b" " + str(len(out)).encode() + b"\n" + out)


if __name__ == "__main__":
    main()
