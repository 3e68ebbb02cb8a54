"""json: dumps and loads of nested records (dicts, lists, strings with escapes, floats, ints)."""
import json


def record(i):
    return {
        "id": i,
        "name": "user%d \"quoted\" \u00e9t\u00e9" % i,
        "score": i * 1.25,
        "tags": ["t%d" % (i % 7), "x", None, True, False],
        "nested": {"a": [i, i + 1, {"deep": "v\n%d" % i}], "b": -i},
    }


data = [record(i) for i in range(300)]
total = 0
for _ in range(12):
    s = json.dumps(data)
    back = json.loads(s)
    s2 = json.dumps(back, indent=2, sort_keys=True)
    total += len(s) + len(s2) + len(back)
print("json", total, hash(s) == hash(json.dumps(json.loads(s))))
