import logging
import sys
logging.basicConfig(level=logging.DEBUG, format="%(levelname)s:%(name)s:%(message)s", stream=sys.stdout)
logging.debug("debug message")
logging.info("info %s %d", "with", 2)
logging.warning("warning message")
logging.error("error message")
logging.critical("critical message")
log = logging.getLogger("app")
log.info("from named logger")
log.warning("value=%r", [1, 2])
print(logging.getLevelName(logging.WARNING), logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR, logging.CRITICAL)
