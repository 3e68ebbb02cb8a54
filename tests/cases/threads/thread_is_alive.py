import threading
go = threading.Event()
started = threading.Event()
def wait_for_signal():
    started.set()
    go.wait()
t = threading.Thread(target=wait_for_signal)
print("before start:", t.is_alive())
t.start()
started.wait()
print("while waiting:", t.is_alive())
go.set()
t.join()
print("after join:", t.is_alive())
