import io
import logging
import os
import threading
buf = io.StringIO()
handler = logging.StreamHandler(buf)
handler.setFormatter(logging.Formatter(
    "%(asctime)s|%(thread)d|%(threadName)s|%(process)d|%(relativeCreated)d|%(message)s", datefmt="%Y"))
log = logging.getLogger("stamped")
log.addHandler(handler)
log.setLevel(logging.INFO)
log.propagate = False
idents = {}
def work():
    idents[threading.current_thread().name] = threading.get_ident()
    log.info("from thread")
t = threading.Thread(target=work, name="stamper")
t.start()
t.join()
idents["MainThread"] = threading.get_ident()
log.info("from main")
for line in buf.getvalue().splitlines():
    year, thread, name, pid, rel, msg = line.split("|")
    print(msg, name, year.isdigit() and len(year) == 4, int(thread) == idents[name],
          int(pid) == os.getpid(), int(rel) >= 0)
