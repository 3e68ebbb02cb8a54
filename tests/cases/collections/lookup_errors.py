lst = [1, 2, 3]
for action in [lambda: lst[10], lambda: lst.pop(5), lambda: [].pop(), lambda: lst.remove(9),
               lambda: lst.index(7), lambda: {}["k"], lambda: {"a": 1}[("t", 1)], lambda: (1,)[3],
               lambda: "abc"[5], lambda: {1}.remove(2), lambda: range(3)[3], lambda: {}.popitem()]:
    try:
        action()
    except (IndexError, KeyError, ValueError) as e:
        print(type(e).__name__, "|", e, "|", repr(e))
