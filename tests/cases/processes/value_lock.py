import multiprocessing as mp

def add(v, n):
    for _ in range(n):
        with v.get_lock():
            v.value += 1

def add_arr(a, lock):
    with lock:
        for i in range(len(a)):
            a[i] = a[i] + i

if __name__ == "__main__":
    mp.set_start_method('spawn')
    v = mp.Value('i', 0)
    ps = [mp.Process(target=add, args=(v, 2000)) for _ in range(2)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(v.value)
    a = mp.Array('d', [1.0, 2.0, 3.0])
    lock = mp.Lock()
    ps = [mp.Process(target=add_arr, args=(a, lock)) for _ in range(2)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(a[:], len(a))
    d = mp.Value('d', 1.5)
    d.value *= 2
    print(d.value)
