# A fork while another thread runs: the child has only the forking thread,
# which is its main thread, and can start threads of its own.
import os
import sys
import threading

release = threading.Event()
started = threading.Event()


def worker():
    started.set()
    release.wait()


t = threading.Thread(target=worker, name="worker")
t.start()
started.wait()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    print("child threads:", threading.active_count(), [th.name for th in threading.enumerate()], flush=True)
    print("child main:", threading.current_thread() is threading.main_thread(), flush=True)
    print("worker alive in child:", t.is_alive(), flush=True)
    results = []
    t2 = threading.Thread(target=lambda: results.append(sum(range(100))))
    t2.start()
    t2.join()
    print("thread in child:", results, flush=True)
    os._exit(0)
print("child status:", os.waitpid(pid, 0)[1])
print("parent threads:", threading.active_count())
release.set()
t.join()
print("worker joined:", not t.is_alive())


# A fork from a thread that is not the main one.
def forker(out):
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        print("forked from a thread; in the child it is main:",
              threading.current_thread() is threading.main_thread(), flush=True)
        os._exit(5)
    out.append(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))


out = []
t3 = threading.Thread(target=forker, args=(out,))
t3.start()
t3.join()
print("status from the thread's child:", out)
