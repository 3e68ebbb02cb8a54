s = "hello"
try:
    s[0] = "H"
except TypeError as e:
    print("TypeError:", e)
try:
    del s[0]
except TypeError as e:
    print("TypeError:", e)
t = s.upper()
print(s, t, s is not t)
print("H" + s[1:])
