import threading
print(threading.current_thread().name, threading.current_thread() is threading.main_thread())
seen = {}
def record(key):
    me = threading.current_thread()
    seen[key] = (me.name, me is threading.main_thread(), threading.main_thread().name)
for i in range(3):
    t = threading.Thread(target=record, args=(i,), name=f"T{i}")
    t.start()
    t.join()
for k in sorted(seen):
    print(k, seen[k])
print(isinstance(threading.current_thread(), threading.Thread))
