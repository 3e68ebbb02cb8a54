# Per-module import locks: a thread importing a module that another thread
# is still initialising waits for it to finish instead of getting the
# half-built module; two threads importing each other's modules in a cycle
# do not deadlock (one of them gets the partial module, as in CPython).
import threading

import import_wait_sync_mod as sync

results = {}


def first():
    import import_wait_slow_mod
    results["first"] = import_wait_slow_mod.ANSWER


def second():
    sync.started.wait()
    import import_wait_slow_mod
    results["second"] = import_wait_slow_mod.ANSWER


threads = [threading.Thread(target=first), threading.Thread(target=second)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))


def imp(name):
    m = __import__(name)
    results[name] = m


threads = [threading.Thread(target=imp, args=(n,)) for n in ("import_wait_a_mod", "import_wait_b_mod")]
for t in threads:
    t.start()
for t in threads:
    t.join()
import import_wait_a_mod
import import_wait_b_mod

print(import_wait_a_mod.NAME, import_wait_b_mod.NAME)
print(results["import_wait_a_mod"] is import_wait_a_mod, results["import_wait_b_mod"] is import_wait_b_mod)
