# -0.0 and 0.0 are one key in sets and dicts; a NaN is found by identity;
# the empty str and bytes hash to 0, so sets holding them order as CPython's.
n = float("nan")
print(-0.0 == 0.0, {-0.0, 0.0}, {0.0: "a", -0.0: "b"}, 0.0 in {-0.0}, -0.0 in [0.0])
print(n == n, n in [n], [n] == [n], {n: 1}.get(n), len({n, n}))
print(hash(""), hash(b""), {"", 1, 2, 3}, {b"", 1, 2, 3}, {"": 1, 0: 2})
print(sorted({0.0, -0.0, 0}), {0, -0.0, 0.0}, {False, 0.0, -0.0})
