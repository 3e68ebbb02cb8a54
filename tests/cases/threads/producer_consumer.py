import queue
import threading
q = queue.Queue(maxsize=5)
consumed = []
lock = threading.Lock()
N_PRODUCERS, N_CONSUMERS, PER_PRODUCER = 2, 3, 50
def producer(pid):
    for i in range(PER_PRODUCER):
        q.put((pid, i))
def consumer():
    while True:
        item = q.get()
        if item is None:
            break
        with lock:
            consumed.append(item)
producers = [threading.Thread(target=producer, args=(p,)) for p in range(N_PRODUCERS)]
consumers = [threading.Thread(target=consumer) for _ in range(N_CONSUMERS)]
for t in producers + consumers:
    t.start()
for t in producers:
    t.join()
for _ in consumers:
    q.put(None)
for t in consumers:
    t.join()
print(len(consumed), sorted(consumed)[:3], sorted(consumed)[-1])
print(sum(i for _, i in consumed), len(set(consumed)))
by_producer = {}
for pid, i in consumed:
    by_producer.setdefault(pid, []).append(i)
print({p: len(v) for p, v in sorted(by_producer.items())})
