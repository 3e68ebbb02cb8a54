import json
text = '{"a": [1, 2.5, "three", true, false, null], "b": {"nested": {"deep": -1e3}}, "c": "\\u00e9\\n"}'
obj = json.loads(text)
print(obj)
print(type(obj["a"][1]).__name__, obj["b"]["nested"]["deep"], repr(obj["c"]))
print(json.loads("[]"), json.loads("42"), json.loads('"s"'), json.loads(" null "), json.loads("1.0"))
round_trip = json.loads(json.dumps({"x": [1, {"y": None}]}))
print(round_trip)
for bad in ['{"a": }', "[1, 2", "", "{'single': 1}"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e, isinstance(e, ValueError))
