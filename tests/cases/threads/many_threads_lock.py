import threading
total = 0
lock = threading.Lock()
def bump():
    global total
    for _ in range(100):
        lock.acquire()
        try:
            total += 1
        finally:
            lock.release()
threads = [threading.Thread(target=bump) for _ in range(100)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(total, threading.active_count())
