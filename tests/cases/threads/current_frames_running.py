# sys._current_frames() sees a thread that is busy running Python code.
import sys
import threading

started = threading.Event()
stop = threading.Event()
count = 0


def spin():
    global count
    started.set()
    while not stop.is_set():
        count += 1


def busy():
    spin()


def ask(n):
    for _ in range(n):
        f = sys._current_frames().get(t.ident)
        names = []
        while f is not None:
            names.append(f.f_code.co_name)
            f = f.f_back
        # the innermost frame may be inside Event.is_set
        while names and names[0] not in ("spin",):
            names.pop(0)
        yield names


t = threading.Thread(target=busy)
t.start()
started.wait()
results = list(ask(20))
stop.set()
t.join()
print(len(results), all(r[:2] == ["spin", "busy"] for r in results))
print(results[0][:2], results[0][-1])
f = sys._getframe()
print(f.f_code.co_name, sys._current_frames()[threading.get_ident()].f_code.co_name)
