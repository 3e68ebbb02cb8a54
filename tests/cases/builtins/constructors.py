print(int("12"), float("1.5"), str(12), bool("x"), list("ab"), tuple([1, 2]))
print(dict(a=1), dict([("b", 2)]), set([1, 1, 2]), frozenset("aa"), list(range(3)))
print(int(), float(), str(), bool(), list(), tuple(), dict(), set())
print(list({"x": 1, "y": 2}), tuple({"x": 1}.values()), set("abcab") == {"a", "b", "c"})
print(str(1.5), str([1, "2"]), str({"k": (1,)}), str(b"b"), repr(1.5), repr("s"))
print(bool([]), bool([[]]), bool(0.0), bool(0) if False else False, bool(range(0)), bool(range(1)))
print(float("1_0.5"), int(" -0 "), int(4.99), float(int("7")))
try:
    float("abc")
except ValueError as e:
    print("ValueError:", e)
try:
    int("1.5")
except ValueError as e:
    print("ValueError:", e)
try:
    int([1])
except TypeError as e:
    print("TypeError:", e)
