import threading
barrier = threading.Barrier(5)
idents = []
natives = []
lock = threading.Lock()
def record():
    barrier.wait()
    with lock:
        idents.append(threading.get_ident())
        natives.append(threading.get_native_id())
    barrier.wait()
threads = [threading.Thread(target=record) for _ in range(4)]
for t in threads:
    t.start()
barrier.wait()
barrier.wait()
for t in threads:
    t.join()
print(len(idents), len(set(idents)), all(isinstance(i, int) for i in idents))
print(len(set(natives)), threading.get_ident() not in idents)
print(sorted(idents) == sorted(t.ident for t in threads), threading.main_thread().ident == threading.get_ident())
print(threading.current_thread().native_id == threading.get_native_id())
print(threading.Thread(target=print).ident)
