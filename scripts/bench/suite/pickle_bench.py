"""pickle: dumps and loads of nested built-in containers and small class instances, protocols 2 and 5."""
import pickle


class Item:
    def __init__(self, i):
        self.i = i
        self.name = "item%d" % i
        self.pair = (i, float(i) / 3)


data = {
    "ints": list(range(500)),
    "strs": ["s%d" % i for i in range(300)],
    "tuples": [(i, str(i), i * 0.5) for i in range(300)],
    "dicts": [{"k": i, "v": [i] * 3} for i in range(200)],
    "items": [Item(i) for i in range(200)],
    "big": 2 ** 200,
    "bytes": bytes(range(256)),
}
total = 0
for proto in (2, 5):
    for _ in range(15):
        s = pickle.dumps(data, proto)
        back = pickle.loads(s)
        total += len(s) + len(back["items"]) + back["items"][-1].i
print("pickle", total)
