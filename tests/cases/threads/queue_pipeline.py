import queue
import threading
raw, squared = queue.Queue(), queue.Queue()
out = []
STOP = object()
def square_stage():
    while (x := raw.get()) is not STOP:
        squared.put(x * x)
    squared.put(STOP)
def collect_stage():
    while (x := squared.get()) is not STOP:
        out.append(x)
stages = [threading.Thread(target=square_stage), threading.Thread(target=collect_stage)]
for s in stages:
    s.start()
for i in range(10):
    raw.put(i)
raw.put(STOP)
for s in stages:
    s.join()
print(out)
