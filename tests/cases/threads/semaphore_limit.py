import threading
sem = threading.Semaphore(2)
pair = threading.Barrier(2)
lock = threading.Lock()
inside = 0
max_inside = 0
done = []
def task(i):
    global inside, max_inside
    with sem:
        with lock:
            inside += 1
            max_inside = max(max_inside, inside)
        pair.wait()
        with lock:
            inside -= 1
            done.append(i)
threads = [threading.Thread(target=task, args=(i,)) for i in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("max inside:", max_inside, "final inside:", inside, "done:", sorted(done))
