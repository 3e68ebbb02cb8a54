import queue
lifo = queue.LifoQueue()
for x in "abc":
    lifo.put(x)
print([lifo.get() for _ in range(3)])
pq = queue.PriorityQueue()
for item in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
    pq.put(item)
print([pq.get() for _ in range(4)])
pq2 = queue.PriorityQueue()
for n in [5, 1, 4, 2, 3]:
    pq2.put(n)
print([pq2.get_nowait() for _ in range(5)], pq2.empty())
