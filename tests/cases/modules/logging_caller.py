# logging's records name the caller's file, line and function, and the thread's name.
import logging
import sys
import threading

logging.basicConfig(stream=sys.stdout, format="%(filename)s:%(lineno)d %(funcName)s %(threadName)s %(module)s %(levelname)s %(message)s")
log = logging.getLogger("demo")


def work(n):
    log.warning("working %d", n)


work(1)
t = threading.Thread(target=work, args=(2,), name="Worker-7")
t.start()
t.join()
log.error("top level")


class Job:
    def run(self):
        logging.info("not shown")
        logging.warning("in method")


Job().run()
adapter = logging.LoggerAdapter(log, {"k": 1})
adapter.warning("via adapter")
try:
    1 / 0
except ZeroDivisionError:
    log.error("caught", stack_info=False)

# stack_info and exception text, written where the handler says (paths made relative).
import os


class Capture(logging.Handler):
    def emit(self, record):
        here = os.path.dirname(os.path.abspath(__file__)) + os.sep
        print(self.format(record).replace(here, ""))


cap = logging.getLogger("cap")
cap.propagate = False
handler = Capture()
handler.setFormatter(logging.Formatter("%(levelname)s %(funcName)s %(message)s"))
cap.addHandler(handler)


def nested():
    cap.warning("with stack", stack_info=True)


nested()
try:
    {}["missing"]
except KeyError:
    cap.exception("failed")
