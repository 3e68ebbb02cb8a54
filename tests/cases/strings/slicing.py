s = "Hello, World!"
print(s[0], s[-1], s[7:12], s[:5], s[7:], s[-6:-1])
print(s[::2], s[1::2], s[::-1], s[10:2:-2], s[::-3])
print(repr(s[5:3]), repr(s[100:]), s[-100:3], s[:100] == s)
print(s[len(s) - 1], s[-len(s)], s[3:-3])
for i in range(0, len(s), 4):
    print(repr(s[i:i + 4]))
