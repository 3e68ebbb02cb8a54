s = "  the quick  brown\tfox\njumps  "
print(s.split())
print(s.split(" "))
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".rsplit(",", 1))
print("a b c d".split(None, 2), "a b c d".rsplit(None, 2), "a b c d".rsplit(maxsplit=1))
print("".split(), "".split(","), "abc".split("abc"), "x--y--z".split("--"))
print("1.2.3".rsplit("."), "  lead".split(" "))
