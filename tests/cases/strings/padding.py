print("[" + "hi".center(10) + "]", "[" + "hi".center(9, "*") + "]", "[" + "odd".center(6, "-") + "]")
print("[" + "left".ljust(8) + "]", "[" + "right".rjust(8, ".") + "]", "[" + "toolong".ljust(3) + "]")
print("42".zfill(5), "-42".zfill(6), "+7".zfill(4), "abc".zfill(5), "12345".zfill(3))
for w in range(4, 8):
    print("|" + "ab".center(w) + "|")
