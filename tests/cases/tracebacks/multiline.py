# An expression over several lines: markers only on the first line, to its end.
def total(a, b, c):
    return a + b + c


x = total(1,
          2,
          None)
