# Several threads join the same thread at once, many times over: every join returns,
# none raises (threading.py's join acquires the thread's end-lock, releases it and then
# checks that nobody holds it, while other joiners are woken by that same release).
import threading
import time

errors = []
for _ in range(200):
    worker = threading.Thread(target=time.sleep, args=(0.001,))
    worker.start()

    def join_worker():
        try:
            worker.join()
        except Exception as e:
            errors.append(repr(e))

    joiners = [threading.Thread(target=join_worker) for _ in range(3)]
    for j in joiners:
        j.start()
    worker.join()
    for j in joiners:
        j.join()
    assert not worker.is_alive()
print("errors:", errors)
print("alive:", threading.active_count())
