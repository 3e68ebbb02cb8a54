import queue
q = queue.Queue(maxsize=1)
try:
    q.get_nowait()
except queue.Empty:
    print("get_nowait on empty -> Empty")
try:
    q.get(timeout=0.01)
except queue.Empty:
    print("get with timeout -> Empty")
try:
    q.get(block=False)
except queue.Empty as e:
    print("Empty repr:", repr(e), issubclass(queue.Empty, Exception))
q.put(1)
try:
    q.put_nowait(2)
except queue.Full:
    print("put_nowait on full -> Full")
try:
    q.put(3, timeout=0.01)
except queue.Full:
    print("put with timeout -> Full")
print(q.get(), q.qsize())
