# slice objects: equality, ordering, hashing, indices and repr as CPython 3.11.
print(slice(1, 3) == slice(1, 3), slice(1, 3) != slice(1, 3), slice(1, 3) == slice(1, 4))
print(slice(1, 2) < slice(1, 3), slice(1, 2, 3) >= slice(1, 2, 3), slice(0, 9) > slice(1, 0))
print(slice(None) == slice(None, None, None), slice(1) == slice(None, 1))
print(slice(1, 2) == (1, 2, None), slice(1, 2) != (1, 2, None))
print(slice(1, 3) in [slice(0, 1), slice(1, 3)], [slice(1, 3)].index(slice(1, 3)))
for a, b in [(slice(1, 2), slice(1, "a")), (slice(1, 2), 3)]:
    try:
        print(a < b)
    except TypeError as e:
        print("TypeError:", e)
try:
    hash(slice(1, 2))
except TypeError as e:
    print("TypeError:", e)
print(slice(1, 10, 2).indices(5), slice(None, None, -1).indices(10), slice(-3, None).indices(2))
print(slice(10**20).indices(5), slice(-10**20, 10**20).indices(7), slice(None, 10**30).indices(2**70))
print(slice(None, None, 10**20).indices(3), slice(None, None, -10**20).indices(3))
for bad in [lambda: slice(0, 1, 0).indices(3), lambda: slice(1).indices(-1), lambda: slice("a").indices(3)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(repr(slice(1, None, "a")), slice(1, 2, 3).start, slice(1, 2, 3).stop, slice(1, 2, 3).step)
print(sorted([slice(3, 1), slice(1, 5), slice(1, 2)]))
