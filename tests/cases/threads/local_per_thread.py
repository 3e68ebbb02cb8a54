# threading.local is CPython's _thread._local: one dict per thread, a
# subclass's __init__ run again (with the same arguments) in every thread,
# the thread's dict dropped when the thread ends.
import threading
import weakref

data = threading.local()
data.x = "main"


def worker(results, name):
    results.append((name, hasattr(data, "x")))
    data.x = name
    results.append((name, data.x, sorted(data.__dict__)))


results = []
threads = [threading.Thread(target=worker, args=(results, f"w{i}")) for i in range(3)]
for t in threads:
    t.start()
    t.join()
print(results)
print("main still sees", data.x)


class Counter(threading.local):
    created = 0

    def __init__(self, start, step=1):
        self.value = start
        self.step = step
        Counter.created += 1

    def bump(self):
        self.value += self.step
        return self.value


c = Counter(10, step=5)
c.bump()
out = []
t = threading.Thread(target=lambda: out.append((c.value, c.bump(), c.bump())))
t.start()
t.join()
print("thread saw", out, "main has", c.value, "inits", Counter.created)


class Token:
    pass


refs = []


def keep():
    tok = Token()
    data.tok = tok
    refs.append(weakref.ref(tok))


t = threading.Thread(target=keep)
t.start()
t.join()
print("thread's value freed at its end:", refs[0]() is None)

for stmt in ("data.__dict__ = {}", "del data.__dict__"):
    try:
        exec(stmt)
    except AttributeError as e:
        print(type(e).__name__, e)

try:
    threading.local(1)
except TypeError as e:
    print("TypeError", e)

try:
    del data.missing
except AttributeError as e:
    print("AttributeError", "missing" in str(e))

print(type(data).__module__, type(data).__name__, threading.local is type(data))
