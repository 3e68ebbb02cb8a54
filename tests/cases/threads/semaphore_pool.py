import threading
pool = threading.BoundedSemaphore(3)
lock = threading.Lock()
in_use = set()
max_used = [0]
log = []
def use_resource(i):
    with pool:
        with lock:
            in_use.add(i)
            max_used[0] = max(max_used[0], len(in_use))
        with lock:
            in_use.discard(i)
            log.append(i)
threads = [threading.Thread(target=use_resource, args=(i,)) for i in range(10)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(log), max_used[0] <= 3, len(in_use))
