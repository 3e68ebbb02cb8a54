# range with bounds beyond 64 bits: indexing, slicing, len's OverflowError
r = range(1 << 100)
print(r, r[0], r[-1], r[1 << 99], r[-(1 << 99)])
print(r[10 ** 20:10 ** 20 + 3], r[::1 << 98], r[-3:], list(r[5:8]), r[1 << 101:])
try:
    len(r)
except OverflowError as e:
    print('OverflowError', e)
for bad in [1 << 100, -(1 << 100) - 1]:
    try:
        r[bad]
    except IndexError as e:
        print('IndexError', e)
print((1 << 99) in r, -1 in r, r.count(7), r.index(1 << 64), bool(r), r == range(0, 1 << 100, 1))
s = range(-(1 << 70), 1 << 70, 1 << 68)
print(len(s), list(s), s[3], s[-1], reversed(s).__next__(), hash(s) == hash(range(-(1 << 70), 1 << 70, 1 << 68)))
it = iter(range(1 << 64, (1 << 64) + 3))
print(next(it), list(it))
print(range(0, -(1 << 80), -(1 << 78))[2], list(range(1 << 63, (1 << 63) + 2)), range(10)[1 << 70:], range(10)[-(1 << 70):3])
print(r.start, r.stop, r.step, range(5)[True], r[:: -(1 << 99)])
try:
    range(1 << 100)[1.0]
except TypeError as e:
    print('TypeError', e)
