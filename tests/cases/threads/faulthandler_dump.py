# faulthandler.dump_traceback(all_threads=True): every thread's stack, most
# recent call first, in CPython's format.
import faulthandler
import os
import re
import tempfile
import threading

ready = threading.Event()
release = threading.Event()


def blocked_here():
    ready.set()
    release.wait()


def worker():
    blocked_here()


def dump(all_threads):
    with tempfile.TemporaryFile("w+") as f:
        faulthandler.dump_traceback(f, all_threads=all_threads)
        f.seek(0)
        text = f.read()
    out = []
    for line in text.splitlines():
        line = re.sub(r"0x[0-9a-f]{16}", "0xIDENT", line)
        if line.startswith("  File") and os.path.basename(__file__) not in line:
            continue                       # the library's frames
        out.append(line.replace(__file__, "THIS"))
    return out


def main():
    t = threading.Thread(target=worker)
    t.start()
    ready.wait()
    # the worker is past ready.set(): wait until it blocks in release.wait()
    while True:
        lines = dump(True)
        if any("line 15 in blocked_here" in x for x in lines):
            break
    for line in lines:
        print(line)
    print("--")
    for line in dump(False):
        print(line)
    release.set()
    t.join()


print(faulthandler.is_enabled())
faulthandler.enable()
print(faulthandler.is_enabled(), faulthandler.disable(), faulthandler.is_enabled())
main()
try:
    faulthandler.dump_traceback_later(0)
except ValueError as e:
    print("ValueError:", e)
print(faulthandler.cancel_dump_traceback_later())
