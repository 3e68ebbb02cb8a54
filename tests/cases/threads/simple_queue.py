import queue
import threading
sq = queue.SimpleQueue()
sq.put(1)
sq.put_nowait(2)
print(sq.qsize(), sq.empty(), sq.get(), sq.get_nowait(), sq.empty())
try:
    sq.get(timeout=0.01)
except queue.Empty:
    print("Empty raised")
results = []
def producer():
    for i in range(100):
        sq.put(i)
    sq.put(None)
t = threading.Thread(target=producer)
t.start()
while (item := sq.get()) is not None:
    results.append(item)
t.join()
print(len(results), results == list(range(100)))
