s = "one fish two fish red fish blue fish"
print(s.replace("fish", "cat"))
print(s.replace("fish", "cat", 2))
print(s.replace(" ", ""), s.replace("", "|")[:12])
print(s.count("fish"), s.count("o"), s.count("fish", 10), s.count("fish", 0, 8), "aaaa".count("aa"))
print("abc".replace("x", "y"), "aaa".replace("a", "aa"), "".count(""), "abc".count(""))
