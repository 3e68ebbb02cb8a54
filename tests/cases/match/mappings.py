# Mapping patterns: keys must be present, extra keys are allowed, **rest collects them.
def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": k, **rest}:
            return f"key {k} with {rest}"
        case {"type": t}:
            return f"unknown event {t}"
        case {}:
            return "empty or untyped mapping"
        case _:
            return "not a mapping"

for e in [{"type": "click", "pos": (1, 2)}, {"type": "click", "pos": [3, 4], "button": 1},
          {"type": "key", "key": "q", "shift": True, "ctrl": False}, {"type": "scroll"},
          {"size": 3}, {}, [("type", "click")], "type", None]:
    print(handle(e))

import collections
dd = collections.defaultdict(int, {"a": 1})
match dd:
    case {"b": _}:
        print("wrong")
    case {"a": v}:
        print("defaultdict", v, sorted(dd))

od = collections.OrderedDict(x=1, y=2)
match od:
    case {"x": 1, **others}:
        print("OrderedDict rest", others, type(others).__name__)

match {1: "one", 2: "two", None: "none", True: "t"}:
    case {1: a, None: c}:
        print("non-str keys", a, c)

class Colors:
    RED = "red"

match {"red": 255}:
    case {Colors.RED: level}:
        print("value pattern key", level)

match {"a": 1, "b": 2}:
    case {"a": 1, "b": 3}:
        print("wrong")
    case {"a": 1, "b": 2 | 3}:
        print("or inside mapping")
