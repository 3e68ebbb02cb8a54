import threading
captured = []
def hook(args):
    captured.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
threading.excepthook = hook
def bad(n):
    raise KeyError(f"key{n}")
threads = [threading.Thread(target=bad, args=(i,), name=f"bad-{i}") for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(captured))
threading.excepthook = threading.__excepthook__
print("restored:", threading.excepthook is threading.__excepthook__)
