import threading
ev = threading.Event()
print(ev.is_set(), ev.wait(timeout=0.01))
got = []
def waiter():
    got.append(ev.wait())
t = threading.Thread(target=waiter)
t.start()
ev.set()
t.join()
print(got, ev.is_set(), ev.wait(), ev.wait(0))
ev.clear()
print(ev.is_set(), ev.wait(timeout=0))
