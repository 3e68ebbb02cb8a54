import multiprocessing as mp
import os

def report(q):
    me = mp.current_process()
    parent = mp.parent_process()
    q.put((me.name, me.pid == os.getpid(), parent.pid == os.getppid(), parent.name))

def pool_name(_):
    return mp.current_process().name.startswith("SpawnPoolWorker-")

if __name__ == "__main__":
    mp.set_start_method('spawn')
    print(mp.current_process().name, mp.parent_process())
    q = mp.Queue()
    p = mp.Process(target=report, args=(q,), name="reporter")
    p.start()
    print(q.get(timeout=10))
    p.join()
    print(mp.active_children())
    with mp.Pool(1) as pool:
        print(pool.map(pool_name, [0]))
    print(mp.cpu_count() >= 1, callable(mp.get_context("spawn").Queue))
