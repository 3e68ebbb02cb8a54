s = "hello world, hello python"
print(s.find("hello"), s.find("hello", 1), s.rfind("hello"), s.find("java"), s.rfind("o", 0, 10))
print(s.index("world"), s.rindex("l"), s.find("", 3), s.find("o", -6))
try:
    s.index("java")
except ValueError as e:
    print("ValueError:", e)
try:
    s.rindex("zzz")
except ValueError as e:
    print("ValueError:", e)
