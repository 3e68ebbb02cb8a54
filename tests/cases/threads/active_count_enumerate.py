import threading
release = threading.Event()
ready = threading.Barrier(4)
def hold():
    ready.wait()
    release.wait()
print("initial:", threading.active_count(), [t.name for t in threading.enumerate()])
threads = [threading.Thread(target=hold, name=f"holder-{i}") for i in range(3)]
for t in threads:
    t.start()
ready.wait()
print("with holders:", threading.active_count())
print(sorted(t.name for t in threading.enumerate()))
release.set()
for t in threads:
    t.join()
print("after join:", threading.active_count(), [t.name for t in threading.enumerate()])
