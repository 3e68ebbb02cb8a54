import multiprocessing as mp

def put_result(q, i):
    q.put((i, sum(range(i * 100))))

if __name__ == "__main__":
    mp.set_start_method('spawn')
    q = mp.Queue()
    ps = [mp.Process(target=put_result, args=(q, i)) for i in range(32)]
    for p in ps:
        p.start()
    got = sorted(q.get(timeout=30) for _ in ps)
    for p in ps:
        p.join()
    print(len(got), got[:3], got[-1], set(p.exitcode for p in ps))
