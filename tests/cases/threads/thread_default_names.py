import threading
def worker():
    pass
def other():
    pass
class Custom(threading.Thread):
    def run(self):
        pass
a = threading.Thread(target=worker)
b = threading.Thread(target=worker)
c = threading.Thread(target=other)
d = threading.Thread()
e = Custom()
f = threading.Thread(target=worker, name="explicit")
g = threading.Thread(target=lambda: None)
for t in (a, b, c, d, e, f, g):
    print(t.name)
a.name = "renamed"
print(a.name, threading.current_thread().name, threading.main_thread().name)
for t in (a, b, c, d, e, f, g):
    t.start()
    t.join()
print("all ran")
