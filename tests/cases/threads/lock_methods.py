import threading
lock = threading.Lock()
print(lock.locked(), lock.acquire(), lock.locked())
print(lock.acquire(blocking=False), lock.acquire(False))
print(lock.acquire(timeout=0.01))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
with lock:
    print("inside with:", lock.locked())
print("after with:", lock.locked())
try:
    with lock:
        raise ValueError("error inside lock")
except ValueError:
    print("released after exception:", not lock.locked())
result = []
lock.acquire()
def try_from_thread():
    result.append(lock.acquire(blocking=False))
t = threading.Thread(target=try_from_thread)
t.start()
t.join()
lock.release()
print("other thread could not take it:", result)
