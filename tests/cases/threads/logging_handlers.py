import logging
import sys
import io
logger = logging.getLogger("custom")
logger.setLevel(logging.DEBUG)
logger.propagate = False
out = logging.StreamHandler(sys.stdout)
out.setLevel(logging.INFO)
out.setFormatter(logging.Formatter("OUT %(levelname)s %(name)s: %(message)s"))
buf = io.StringIO()
mem = logging.StreamHandler(buf)
mem.setFormatter(logging.Formatter("%(levelname).1s|%(message)s"))
logger.addHandler(out)
logger.addHandler(mem)
logger.debug("debug only in buffer")
logger.info("info in both")
logger.error("error in both")
logger.removeHandler(out)
logger.critical("critical only in buffer")
print(buf.getvalue(), end="")
print(len(logger.handlers))
