# Two threads take two locks in opposite orders: gilt reports the wait-for
# cycle and exits with status 3 (under CPython, which would hang, a timer
# prints the same last line and exits 3 so the expected files can be made).
import os
import sys
import threading
import time

if not hasattr(sys, "_is_gil_enabled"):
    def _cpython_would_hang():
        sys.stderr.write("every thread is blocked and none can ever be released: gilt exits with status 3\n")
        sys.stderr.flush()
        os._exit(3)
    _t = threading.Timer(2.0, _cpython_would_hang)
    _t.daemon = True
    _t.start()

a = threading.Lock()
b = threading.Lock()


def one():
    with a:
        time.sleep(0.05)
        with b:
            print("one got both")


def two():
    with b:
        time.sleep(0.05)
        with a:
            print("two got both")


t1 = threading.Thread(target=one, name="worker-1")
t2 = threading.Thread(target=two, name="worker-2")
t1.start()
t2.start()
t1.join()
t2.join()
print("never printed")
