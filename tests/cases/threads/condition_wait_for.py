import threading
state = {"ready": False, "value": 0}
cond = threading.Condition()
woken = []
def waiter(name):
    with cond:
        ok = cond.wait_for(lambda: state["ready"])
        woken.append((name, ok, state["value"]))
threads = [threading.Thread(target=waiter, args=(f"w{i}",)) for i in range(3)]
for t in threads:
    t.start()
with cond:
    state["value"] = 42
    state["ready"] = True
    cond.notify_all()
for t in threads:
    t.join()
print(sorted(woken))
with cond:
    print("timed out:", cond.wait_for(lambda: False, timeout=0.02))
    print("wait returns:", cond.wait(timeout=0.01))
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)
