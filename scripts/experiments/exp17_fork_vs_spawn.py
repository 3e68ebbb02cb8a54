# Run:     gilt scripts/experiments/exp17_fork_vs_spawn.py     (or python3, to compare)
# Observe: starting a process with "fork" (the default on Linux) copies this
#          process: it is several times faster than "spawn", which starts a
#          fresh interpreter that imports the script again, and the child
#          sees the parent's state as it was at start(): a global changed
#          after import, a lambda target. Spawned children see the module as
#          a fresh import leaves it, and a lambda cannot be sent to them.
import multiprocessing as mp
import sys
import time

N = 4 if sys.argv[1:] == ["small"] else 20
setting = "as imported"


def noop():
    pass


def show(q):
    q.put(setting)


def start_time(method):
    ctx = mp.get_context(method)
    t0 = time.perf_counter()
    for _ in range(N):
        p = ctx.Process(target=noop)
        p.start()
        p.join()
    return (time.perf_counter() - t0) / N


def inherits(method):
    ctx = mp.get_context(method)
    q = ctx.Queue()
    p = ctx.Process(target=show, args=(q,))
    p.start()
    seen = q.get()
    p.join()
    try:
        p = ctx.Process(target=lambda: None)
        p.start()
        p.join()
        lam = "a lambda target runs"
    except Exception as e:
        lam = f"a lambda target fails: {type(e).__name__}"
    return seen, lam


if __name__ == "__main__":
    setting = "changed after import"
    times = {}
    for method in ("fork", "spawn"):
        times[method] = start_time(method)
        seen, lam = inherits(method)
        print(f"{method:5}: start+join {times[method] * 1000:6.1f} ms per process; "
              f"the child sees setting={seen!r}; {lam}")
    print(f"RESULT fork_faster {times['spawn'] / times['fork']:.1f}x")
