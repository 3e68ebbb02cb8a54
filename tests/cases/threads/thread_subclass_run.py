import threading
class Counter(threading.Thread):
    def __init__(self, label, n):
        super().__init__(name=f"counter-{label}")
        self.n = n
        self.total = None
    def run(self):
        self.total = sum(range(self.n))
workers = [Counter(x, n) for x, n in [("a", 10), ("b", 100), ("c", 1000)]]
for w in workers:
    w.start()
for w in workers:
    w.join()
for w in workers:
    print(w.name, w.total)
class WithTarget(threading.Thread):
    def run(self):
        print("run() overrides target; name:", self.name)
t = WithTarget(target=lambda: print("never"), name="override")
t.start()
t.join()
