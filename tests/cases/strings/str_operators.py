print("ab" * 3, 3 * "ab", "ab" * 0, "ab" * -1 == "", "a" + "b" + "c")
print("b" in "abc", "abc" < "abd", "B" < "a", max("apple", "banana"), min("zz", "a", "mm"))
print(len(""), len("héllo"), "abc" == "abc", "abc" is not None)
s = "x"
s += "y"
s = s * 2
print(s, sorted("hello"), "".join(sorted("hello", reverse=True)))
print(str(123) + "4", "5" + str(6), "%s" % 7 + "8")
