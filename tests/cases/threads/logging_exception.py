import logging
logging.basicConfig(format="%(levelname)s:%(name)s:%(message)s")
try:
    {}["missing"]
except KeyError:
    logging.exception("lookup failed")
print("program continues")
