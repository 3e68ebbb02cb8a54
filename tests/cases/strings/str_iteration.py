s = "héllo"
for ch in s:
    print(ch, ord(ch))
print(list(s), tuple("ab"), set("aa") == {"a"})
print([(i, c) for i, c in enumerate("abc")], list(reversed("abc")))
print(dict.fromkeys("aba"), "".join(c.upper() for c in s if c != "l"))
print(sorted(set("mississippi")))
