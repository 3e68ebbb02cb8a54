import threading
def fail():
    raise ValueError("boom")
t = threading.Thread(target=fail, name="worker")
t.start()
t.join()
print("main continues after the thread failed")
print("thread alive:", t.is_alive())
