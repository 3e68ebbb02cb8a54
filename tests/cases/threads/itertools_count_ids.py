# The unique-id idiom: next() on one shared itertools.count() from 4
# threads at once never hands out the same id twice (with the GIL off
# too), and shared itertools iterators give each item to exactly one thread.
import itertools
import threading

ids = itertools.count()
taken = [[] for _ in range(4)]
start = threading.Barrier(4)


def take(k):
    start.wait()
    mine = taken[k]
    for _ in range(10_000):
        mine.append(next(ids))


threads = [threading.Thread(target=take, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
all_ids = [i for part in taken for i in part]
print(len(all_ids), len(set(all_ids)), min(all_ids), max(all_ids), next(ids))


def drain(it, out, barrier):
    barrier.wait()
    for x in it:
        out.append(x)


def share(label, it, n_threads=4):
    outs = [[] for _ in range(n_threads)]
    barrier = threading.Barrier(n_threads)
    ts = [threading.Thread(target=drain, args=(it, outs[k], barrier)) for k in range(n_threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    got = sorted(x for o in outs for x in o)
    print(label, len(got), len(set(got)), got[:3], got[-1:])


share("chain", itertools.chain(range(5000), range(5000, 10000)))
share("islice", itertools.islice(iter(range(100000)), 0, 20000, 2))
share("repeat", itertools.repeat(7, 8000))
share("product", itertools.product(range(100), range(100)))
share("combinations", itertools.combinations(range(30), 3))
share("zip_longest", itertools.zip_longest(range(3000), range(2000)))
share("starmap", itertools.starmap(pow, zip(range(5000), itertools.repeat(2))))
share("accumulate", itertools.accumulate(itertools.repeat(1, 5000)))
share("compress", itertools.compress(range(10000), itertools.cycle([1, 0])))
share("tee", itertools.tee(range(6000), 1)[0])
