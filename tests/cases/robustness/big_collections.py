nums = list(range(1_000_000))
print(sum(nums), len(nums), nums[-1])
d = {i: i * i for i in range(100_000)}
print(len(d), d[99_999], sum(d.values()) % 1000)
s = set(range(0, 200_000, 2))
print(len(s), 199_998 in s, 3 in s)
text = "ab" * 500_000
print(len(text), text.count("ba"), len(text.split("b")), text.replace("a", "")[:5])
joined = ",".join(str(i) for i in range(100_000))
print(len(joined), joined[-11:])
