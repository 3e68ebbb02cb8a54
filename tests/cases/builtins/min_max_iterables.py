print(max("hello world".split(), key=len), min({3: "a", 1: "b"}), max({3: "a", 1: "b"}.values()))
print(max([[1, 2], [3], []], key=len), min(range(10, 0, -1)), max(iter([4, 9, 2])))
print(max(1, 2.5, True), min(-1, False), max("a", "b", key=str.upper))
try:
    min()
except TypeError as e:
    print("TypeError:", e)
try:
    max(1)
except TypeError as e:
    print("TypeError:", e)
