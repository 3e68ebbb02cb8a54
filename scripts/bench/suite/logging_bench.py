"""logging: records formatted and written to a stream handler, and records filtered out by level."""
import io
import logging

stream = io.StringIO()
log = logging.getLogger("bench")
handler = logging.StreamHandler(stream)
handler.setFormatter(logging.Formatter("%(levelname)s:%(name)s:%(message)s"))
log.addHandler(handler)
log.setLevel(logging.WARNING)
log.propagate = False
for i in range(20000):
    log.warning("warning %d %s", i, "x")
    log.debug("silent %d", i)
    if i % 10 == 0:
        log.error("error %s", i)
v = stream.getvalue()
print("logging", len(v), v.count("\n"))
