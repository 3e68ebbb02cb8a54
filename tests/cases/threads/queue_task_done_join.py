import queue
import threading
q = queue.Queue()
done = []
lock = threading.Lock()
def worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        with lock:
            done.append(item * 2)
        q.task_done()
workers = [threading.Thread(target=worker) for _ in range(3)]
for w in workers:
    w.start()
for i in range(20):
    q.put(i)
q.join()
print("after join:", len(done), sum(done))
for _ in workers:
    q.put(None)
for w in workers:
    w.join()
print(sorted(done)[:5], q.unfinished_tasks if hasattr(q, "unfinished_tasks") else 0)
try:
    q.task_done()
except ValueError as e:
    print("ValueError:", e)
