# What a forked child inherits: the parent's module state as it was at
# start(), not its threads (only the calling thread survives), and the
# os.register_at_fork hooks run around the fork.
import multiprocessing as mp
import os
import threading

events = []
os.register_at_fork(before=lambda: events.append("before"),
                    after_in_parent=lambda: events.append("after_in_parent"),
                    after_in_child=lambda: events.append("after_in_child"))

state = {"set": "at import"}


def child(q):
    q.put((state["set"], threading.active_count(), threading.current_thread() is threading.main_thread(),
           list(events), mp.current_process().name))


if __name__ == "__main__":
    state["set"] = "after import, before start"
    stop = threading.Event()
    helper = threading.Thread(target=stop.wait)
    helper.start()
    q = mp.Queue()
    p = mp.Process(target=child, args=(q,), name="kid")
    p.start()
    print(q.get())
    p.join()
    stop.set()
    helper.join()
    print("parent events:", events, "threads:", threading.active_count())
