import queue
q = queue.Queue()
for i in range(5):
    q.put(i)
print(q.qsize(), q.empty(), q.full())
print([q.get() for _ in range(5)], q.empty())
bounded = queue.Queue(maxsize=2)
bounded.put("a")
bounded.put_nowait("b")
print(bounded.full(), bounded.qsize(), bounded.maxsize)
print(bounded.get_nowait(), bounded.get(block=False), bounded.empty())
