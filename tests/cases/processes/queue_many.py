import multiprocessing as mp
import queue

def producer(q, start):
    for i in range(start, start + 50):
        q.put(i)

if __name__ == "__main__":
    mp.set_start_method('spawn')
    q = mp.Queue()
    ps = [mp.Process(target=producer, args=(q, k * 100)) for k in range(3)]
    for p in ps:
        p.start()
    got = [q.get(timeout=10) for _ in range(150)]
    for p in ps:
        p.join()
    print(len(got), sum(got), sorted(got)[:3], q.empty())
    try:
        q.get(timeout=0.05)
    except queue.Empty:
        print("empty")
