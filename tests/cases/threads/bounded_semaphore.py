import threading
s = threading.Semaphore(0)
print(s.acquire(blocking=False), s.acquire(timeout=0.01))
s.release()
s.release(2)
print(s.acquire(), s.acquire(), s.acquire(), s.acquire(blocking=False))
b = threading.BoundedSemaphore(2)
print(b.acquire(), b.acquire(), b.acquire(blocking=False))
b.release()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)
with threading.BoundedSemaphore(1) as held:
    print("context manager value:", held)
