# A failed assert marks the comparison it tested when a comment follows.
def check(n):
    assert n % 2 == 0, "odd"  # the comparison is marked


check(4)
check(3)
