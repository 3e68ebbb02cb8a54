import queue
import threading
lock = threading.Lock()
checks = [
    ("acquire timeout str", lambda: lock.acquire(timeout="x")),
    ("non-blocking with timeout", lambda: lock.acquire(blocking=False, timeout=1)),
    ("negative timeout", lambda: lock.acquire(timeout=-5)),
    ("semaphore negative", lambda: threading.Semaphore(-2)),
    ("queue negative timeout", lambda: queue.Queue().get(timeout=-1)),
    ("event wait str", lambda: threading.Event().wait("soon")),
    ("release unlocked", lambda: threading.Lock().release()),
    ("thread bad kwarg", lambda: threading.Thread(bogus=1)),
]
for label, fn in checks:
    try:
        fn()
        print(label, "-> no error")
    except Exception as e:
        print(label, "->", type(e).__name__)
print(lock.locked())
