import multiprocessing as mp
import os

def hello(q, n):
    q.put((mp.current_process().name, n, os.getpid() != os.getppid()))

if __name__ == "__main__":
    mp.set_start_method('spawn')
    q = mp.Queue()
    p = mp.Process(target=hello, args=(q, 5))
    print(p.is_alive(), p.exitcode)
    p.start()
    print(q.get(timeout=10))
    p.join()
    print(p.is_alive(), p.exitcode, p.name)
