# Chained exceptions: both tracebacks get markers.
def parse(text):
    return int(text) * 2


def load(items):
    try:
        return [parse(t) for t in items]
    except ValueError:
        return {}["fallback"]


load(["1", "x"])
