import threading
fired = []
t = threading.Timer(0.02, fired.append, args=("fired",))
t.start()
t.join()
print(fired)
cancelled = threading.Timer(10.0, fired.append, args=("should not fire",))
cancelled.start()
cancelled.cancel()
cancelled.join()
print(fired, cancelled.is_alive())
kw = []
t2 = threading.Timer(0.01, lambda a, b=0: kw.append(a + b), args=(1,), kwargs={"b": 2})
t2.start()
t2.join()
print(kw, isinstance(t2, threading.Thread))
