# Slicing copies only the items selected: many small slices of big
# sequences stay cheap (each used to copy the whole sequence first), and
# extended-slice deletion is one pass, not one removal per item.
n = 1_000_000
big = list(range(n))
tup = tuple(big)
text = "ab" * (n // 2)
data = b"xy" * (n // 2)
total = 0
for i in range(0, 200_000):
    j = (i * 7) % (n - 3)
    total += len(big[j:j + 3]) + len(tup[j:j + 3]) + len(text[j:j + 3]) + len(data[j:j + 3])
print(total, big[5:8], tup[-3:], text[1:4], data[:3], big[::200_000], data[::-300_000])
blob = b"z" * 100_000_000
print(sum(len(blob[k:k + 3]) for k in range(0, 30_000)), blob[-2:])
del blob
rev = big[::-1]
print(rev[:3], rev[-3:], len(big[::3]), big[-1:-10:-4])
l = list(range(20))
l[::3] = ["x"] * 7
print(l)
l[1:8:2] = "abcd"
print(l)
del l[::2]
print(l)
del l[::-3]
print(l)
m = list(range(n))
del m[::2]
print(len(m), m[:3], m[-3:])
del m[1::3]
print(len(m), m[:4])
try:
    l[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
