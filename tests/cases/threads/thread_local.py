import threading
data = threading.local()
data.value = "main"
results = []
lock = threading.Lock()
def worker(i):
    print_missing = not hasattr(data, "value")
    data.value = f"worker-{i}"
    data.items = [i] * i
    with lock:
        results.append((i, print_missing, data.value, len(data.items)))
threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))
print(data.value, hasattr(data, "items"))
class MyLocal(threading.local):
    def __init__(self):
        self.initialized = "per thread"
ml = MyLocal()
seen = []
t = threading.Thread(target=lambda: seen.append(ml.initialized))
t.start()
t.join()
print(seen, ml.initialized)
