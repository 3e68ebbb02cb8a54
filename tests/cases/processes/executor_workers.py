# ProcessPoolExecutor's workers as CPython 3.11 starts them: all at the first
# submit with fork, on demand (an idle one reused) with spawn; a worker
# replaced after max_tasks_per_child tasks; a call that cannot be pickled
# fails its future only; an executor dropped without shutdown finishes.
import gc
import os
import pickle
import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor


def mul(x, y):
    return x * y


class Unpicklable:
    def __reduce__(self):
        raise pickle.PicklingError('not this one')


if __name__ == '__main__':
    with ProcessPoolExecutor(3, mp_context=mp.get_context('fork')) as ex:
        print(ex.submit(mul, 6, 7).result(), len(ex._processes))
        f = ex.submit(id, Unpicklable())
        try:
            f.result()
        except pickle.PicklingError as e:
            print('PicklingError:', e)
        print(ex.submit(mul, 2, 3).result())

    ex = ProcessPoolExecutor(4, mp_context=mp.get_context('spawn'))
    for i in range(3):
        ex.submit(mul, i, i).result()
    print('spawn workers after 3 sequential calls:', len(ex._processes))
    ex.shutdown()

    ex = ProcessPoolExecutor(1, max_tasks_per_child=2)
    print(ex._mp_context.get_start_method())
    pids = [ex.submit(os.getpid).result() for _ in range(4)]
    print(pids[0] == pids[1], pids[1] == pids[2], pids[2] == pids[3])
    ex.shutdown()
    try:
        ProcessPoolExecutor(1, mp_context=mp.get_context('fork'), max_tasks_per_child=1)
    except ValueError as e:
        print('ValueError:', e)

    ex = ProcessPoolExecutor(2, mp_context=mp.get_context('fork'))
    results = ex.map(abs, range(-4, 4))
    manager = ex._executor_manager_thread
    workers = list(ex._processes.values())
    del ex
    gc.collect()
    manager.join()
    for w in workers:
        w.join()
    print(list(results), [w.exitcode for w in workers])
