values = [1, 1.0, "s", b"b", [1], (1,), {1: 1}, {1}, frozenset(), None, True, range(1), print, len]
for v in values:
    kinds = [t.__name__ for t in (int, float, str, bytes, list, tuple, dict, set, frozenset, bool, range) if isinstance(v, t)]
    print(type(v).__name__, kinds)
