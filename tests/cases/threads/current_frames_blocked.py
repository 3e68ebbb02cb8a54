# sys._current_frames(): where is every thread stuck?
import sys
import threading
import time
import traceback

ready = threading.Barrier(4)
release = threading.Event()


def wait_on_event(n):
    ready.wait()
    release.wait()          # each worker is stuck here


def middle(n):
    local_marker = n * 10
    wait_on_event(n)


def worker(n):
    middle(n)


def sleeper():
    ready.wait()
    while not release.wait(0.01):   # a wait with a timeout, in a loop
        pass


threads = [threading.Thread(target=worker, args=(i,), name=f"w{i}") for i in range(2)]
threads.append(threading.Thread(target=sleeper, name="sleeper"))
for t in threads:
    t.start()
ready.wait()

def find(f, name):
    while f is not None and f.f_code.co_name != name:
        f = f.f_back
    return f


def settled(frames):
    # Each worker is past the barrier, inside Event.wait (the barrier's own
    # Condition.wait would show up as wait_for).
    for t in threads[:2]:
        f = frames.get(t.ident)
        if f is None or f.f_code.co_name != "wait" or f.f_back.f_code.co_name != "wait":
            return False
        if find(f, "wait_on_event") is None or find(f, "wait_on_event").f_lineno != 13:
            return False
    # The sleeper is past the barrier too, in its loop.
    s = frames.get(threads[2].ident)
    return s is not None and find(s, "sleeper") is not None and find(s, "sleeper").f_lineno == 27


frames = sys._current_frames()
while not settled(frames):
    time.sleep(0.005)
    frames = sys._current_frames()
print("main in frames:", threading.get_ident() in frames)
print("main frame:", frames[threading.get_ident()].f_code.co_name)
by_name = {t.name: frames.get(t.ident) for t in threads}
print("threads found:", sorted(n for n, f in by_name.items() if f is not None))
for name in sorted(by_name):
    f = by_name[name]
    entries = traceback.format_stack(f)
    mine = [e for e in entries if e.startswith('  File "' + __file__ + '"')]
    print(name, len(mine))
    for e in mine:
        print("  " + e.rstrip().replace(__file__, "THIS"))
    if name != "sleeper":
        print("  innermost:", f.f_code.co_name, f.f_back.f_code.co_name)
    g = find(f, "wait_on_event" if name != "sleeper" else "sleeper")
    print("  globals ok:", g.f_globals is globals(), g.f_code.co_filename == __file__)

w0 = by_name["w0"]
print("locals of middle:", find(w0, "middle").f_locals.get("local_marker"))
print("locals of w1's worker:", find(by_name["w1"], "worker").f_locals)
text = "".join(traceback.format_stack(w0))
print("format_stack names this file:", text.count('File "' + __file__ + '"'))
print("stuck line shown:", "release.wait()          # each worker is stuck here" in text)

release.set()
for t in threads:
    t.join()
after = sys._current_frames()
print("after join:", sorted(k == threading.get_ident() for k in after))
exc = sys._current_exceptions()
print("exceptions:", exc[threading.get_ident()])
try:
    raise KeyError("k")
except KeyError:
    e = sys._current_exceptions()[threading.get_ident()]
    print("handled:", e[0].__name__, e[1], e[2].tb_frame.f_code.co_name)
