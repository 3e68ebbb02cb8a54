# Very deeply nested data compared, printed and hashed in a thread (whose
# stack is smaller than the main thread's): RecursionError, never a crash.
import threading


def deep(n, wrap):
    x = wrap(0)
    for _ in range(n):
        x = wrap(x)
    return x


results = []


def work():
    a, b = deep(200000, lambda x: [x]), deep(200000, lambda x: [x])
    t = deep(200000, lambda x: (x,))
    for name, f in [("==", lambda: a == b), ("<", lambda: a < b), ("repr", lambda: repr(a)),
                    ("tuple ==", lambda: t == deep(200000, lambda x: (x,))),
                    ("in", lambda: a in [b]), ("str", lambda: str(t))]:
        try:
            f()
            results.append(name + " ok")
        except RecursionError as e:
            results.append(name + " RecursionError: " + str(e))
    results.append("identity " + str(a == a))


threads = [threading.Thread(target=work) for _ in range(2)]
for th in threads:
    th.start()
for th in threads:
    th.join()
for line in sorted(results):
    print(line)
