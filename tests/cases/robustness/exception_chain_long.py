def nest(n):
    if n == 0:
        raise ValueError("bottom")
    try:
        nest(n - 1)
    except Exception as e:
        raise RuntimeError(f"level {n}") from e
try:
    nest(100)
except RuntimeError as e:
    length = 0
    cur = e
    while cur is not None:
        length += 1
        cur = cur.__cause__
    print(e, length)
