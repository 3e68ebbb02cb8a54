import logging
import sys
import threading
logging.basicConfig(level=logging.INFO, stream=sys.stdout,
                    format="%(threadName)-10s|%(levelname)-7s|%(processName)s|%(message)s")
logging.info("from main")
def work(n):
    logging.info("working on %d", n)
    logging.warning("finished %d", n)
for i in range(3):
    t = threading.Thread(target=work, args=(i,), name=f"worker-{i}")
    t.start()
    t.join()
t = threading.Thread(target=work, args=(99,))
t.start()
t.join()
logging.info("done")
