# Markers are left out when they would cover the whole line.
def check(n):
    if n < 0:
        raise ValueError(f"negative: {n}")
    return n


check(-1)
