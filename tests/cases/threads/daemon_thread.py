import threading
never = threading.Event()
t = threading.Thread(target=never.wait, daemon=True, name="forever")
print(t.daemon, threading.Thread(target=print).daemon)
t.start()
print("daemon alive:", t.is_alive())
d = threading.Thread(target=lambda: None)
d.daemon = True
print(d.daemon)
print("main done; the daemon thread must not keep the process alive")
