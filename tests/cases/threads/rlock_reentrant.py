import threading
rlock = threading.RLock()
def nested(depth):
    with rlock:
        if depth == 0:
            return "bottom"
        return nested(depth - 1)
print(nested(5))
print(rlock.acquire(), rlock.acquire(), rlock.acquire(blocking=False))
rlock.release(); rlock.release(); rlock.release()
try:
    rlock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
rlock.acquire()
errors = []
def release_foreign():
    try:
        rlock.release()
    except RuntimeError as e:
        errors.append(str(e))
    errors.append(rlock.acquire(blocking=False))
t = threading.Thread(target=release_foreign)
t.start()
t.join()
rlock.release()
print(errors)
