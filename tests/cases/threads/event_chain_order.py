import threading
n = 5
events = [threading.Event() for _ in range(n + 1)]
order = []
def step(i):
    events[i].wait()
    order.append(i)
    print("step", i)
    events[i + 1].set()
threads = [threading.Thread(target=step, args=(i,)) for i in reversed(range(n))]
for t in threads:
    t.start()
events[0].set()
events[n].wait()
for t in threads:
    t.join()
print(order)
