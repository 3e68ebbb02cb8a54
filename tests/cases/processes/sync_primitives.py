import multiprocessing as mp

def waiter(ev, sem, q):
    ev.wait(10)
    with sem:
        q.put("went")

def at_barrier(b, q):
    b.wait(10)
    q.put("passed")

def notifier(cond, flag):
    with cond:
        flag.value = 1
        cond.notify_all()

if __name__ == "__main__":
    mp.set_start_method('spawn')
    ev = mp.Event()
    sem = mp.Semaphore(1)
    q = mp.Queue()
    ps = [mp.Process(target=waiter, args=(ev, sem, q)) for _ in range(2)]
    for p in ps:
        p.start()
    print(ev.is_set())
    ev.set()
    print([q.get(timeout=10) for _ in ps])
    for p in ps:
        p.join()
    b = mp.Barrier(3)
    ps = [mp.Process(target=at_barrier, args=(b, q)) for _ in range(2)]
    for p in ps:
        p.start()
    b.wait(10)
    print(sorted(q.get(timeout=10) for _ in ps))
    for p in ps:
        p.join()
    cond = mp.Condition()
    flag = mp.Value('i', 0)
    with cond:
        p = mp.Process(target=notifier, args=(cond, flag))
        p.start()
        print(cond.wait_for(lambda: flag.value == 1, timeout=10))
    p.join()
    r = mp.RLock()
    with r:
        with r:
            print("rlock reentrant")
    lk = mp.Lock()
    print(lk.acquire(), lk.acquire(False), lk.acquire(timeout=0.01))
    lk.release()
