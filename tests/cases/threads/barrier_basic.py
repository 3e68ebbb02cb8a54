import threading
log = []
lock = threading.Lock()
barrier = threading.Barrier(4, action=lambda: log.append("action ran"))
indices = []
def party(name):
    with lock:
        log.append(f"{name} arrived")
    idx = barrier.wait()
    with lock:
        indices.append(idx)
threads = [threading.Thread(target=party, args=(f"p{i}",)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(indices), log.count("action ran"), sorted(x for x in log if x != "action ran"))
print(log.index("action ran") == 4)
print(barrier.parties, barrier.n_waiting, barrier.broken)
