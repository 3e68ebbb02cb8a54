import logging
print("stdout line")
logging.info("not shown: root logger defaults to WARNING")
logging.debug("not shown either")
logging.warning("first warning goes to stderr")
logging.error("error also goes to stderr")
print("stdout after logging")
