# threading.settrace / setprofile: applied to threads started afterwards
import sys, threading
seen = []
lock = threading.Lock()
def tracer(frame, event, arg):
    if event == "call" and frame.f_code.co_name == "work":
        with lock:
            seen.append((threading.current_thread().name, frame.f_code.co_name))
    return None
def prof(frame, event, arg):
    if event in ("call", "return") and frame.f_code.co_name == "work":
        with lock:
            seen.append(("profile", event, threading.current_thread().name))
def work(n):
    return sum(range(n))
threading.settrace(tracer)
threading.setprofile(prof)
print(threading.gettrace() is tracer, threading.getprofile() is prof)
ts = [threading.Thread(target=work, args=(10,), name=f"T{i}") for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(sys.gettrace(), sys.getprofile())
for item in sorted(seen):
    print(item)
