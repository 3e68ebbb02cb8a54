import threading
items = []
cond = threading.Condition()
consumed = []
def consumer():
    for _ in range(5):
        with cond:
            while not items:
                cond.wait()
            consumed.append(items.pop(0))
def producer():
    for i in range(5):
        with cond:
            items.append(i * 10)
            cond.notify()
c = threading.Thread(target=consumer)
p = threading.Thread(target=producer)
c.start()
p.start()
p.join()
c.join()
print(consumed)
