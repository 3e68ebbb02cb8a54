import multiprocessing as mp

def consumer(jq, out):
    while True:
        item = jq.get()
        if item is None:
            jq.task_done()
            break
        out.put(item * item)
        jq.task_done()

if __name__ == "__main__":
    mp.set_start_method('spawn')
    jq = mp.JoinableQueue()
    out = mp.SimpleQueue()
    p = mp.Process(target=consumer, args=(jq, out))
    p.start()
    for i in range(5):
        jq.put(i)
    jq.put(None)
    jq.join()
    print(sorted(out.get() for _ in range(5)))
    p.join()
    print(p.exitcode)
