import multiprocessing as mp

def fill(d, l, ns, i):
    d[i] = i * i
    l.append(i)
    ns.last = i

if __name__ == "__main__":
    mp.set_start_method('spawn')
    with mp.Manager() as m:
        d = m.dict()
        l = m.list()
        ns = m.Namespace()
        for i in range(3):
            p = mp.Process(target=fill, args=(d, l, ns, i))
            p.start()
            p.join()
        print(sorted(d.items()), sorted(l), ns.last, len(d), 1 in d)
