# Stress (issue 10): 8 threads hammer one dict, list, set, deque, instance
# attribute and global with inserts, deletes and iteration. Only CPython's
# own errors may appear ("changed size during iteration", "mutated during
# iteration", an IndexError/KeyError from a lost race); no crash, no hang,
# and the final contents are exactly what the operations leave.
import collections
import threading

N = 8
ROUNDS = 300

shared_dict = {}
shared_list = []
shared_set = set()
shared_deque = collections.deque()
counter = 0


class Box:
    pass


box = Box()
box.value = 0
allowed = {
    "RuntimeError: dictionary changed size during iteration",
    "RuntimeError: Set changed size during iteration",
    "RuntimeError: deque mutated during iteration",
    "RuntimeError: dictionary keys changed during iteration",
}
seen = collections.Counter()
seen_lock = threading.Lock()
attr_lock = threading.Lock()
start = threading.Barrier(N)


def note(e):
    with seen_lock:
        seen[f"{type(e).__name__}: {e}"] += 1


def worker(k):
    global counter
    start.wait()
    for i in range(ROUNDS):
        key = (k, i)
        shared_dict[key] = i
        shared_list.append(key)
        shared_set.add(key)
        shared_deque.append(key)
        for coll in (shared_dict, shared_set, shared_deque):
            try:
                for _ in coll:
                    pass
            except RuntimeError as e:
                note(e)
        sum(1 for _ in shared_list)
        if i % 2:
            del shared_dict[key]
            shared_list.remove(key)
            shared_set.discard(key)
            try:
                shared_deque.remove(key)
            except ValueError as e:
                note(e)
        with attr_lock:
            box.value += 1
            counter += 1


threads = [threading.Thread(target=worker, args=(k,)) for k in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
expect = sorted((k, i) for k in range(N) for i in range(ROUNDS) if i % 2 == 0)
print(sorted(shared_dict) == expect, sorted(shared_list) == expect)
print(sorted(shared_set) == expect, sorted(shared_deque) == expect)
print(box.value, counter)
unexpected = set(seen) - allowed
print("unexpected errors:", sorted(unexpected))
