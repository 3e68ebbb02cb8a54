# `raise ... from ...` and an assert pointing at its comparison.
def get(d, k):
    try:
        return d[k]
    except KeyError as e:
        raise LookupError(f"missing {k}") from e


def check(n):
    assert n % 2 == 0, "odd"  # the comparison is marked


try:
    check(3)
except AssertionError as e:
    print("assert:", e)
get({}, "key")
