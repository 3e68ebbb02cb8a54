# An exception in a thread: threading.excepthook gets the traceback, and the
# default hook prints it as python3 does.
import threading

seen = []


def inner(x):
    return 10 // x


def outer():
    values = [1, 0]
    for v in values:
        inner(v)


def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value),
                 args.exc_traceback is args.exc_value.__traceback__,
                 args.thread.name))
    tb = args.exc_traceback
    names = []
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == __file__:
            names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    seen.append(names)
    threading.__excepthook__(args)


threading.excepthook = hook
t = threading.Thread(target=outer, name="calc")
t.start()
t.join()
for s in seen:
    print(s)
threading.excepthook = threading.__excepthook__
t = threading.Thread(target=outer, name="plain")
t.start()
t.join()
print("done")
