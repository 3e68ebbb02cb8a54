s = "The quick brown fox. " * 50_000
print(len(s), s.count("fox"), s.find("fox", 500_000), s.upper()[:9], len(s.split()))
words = s.split()
print(len(set(words)), words[-1], " ".join(words[:4]))
b = s.encode()
print(len(b), b[:3], b.decode() == s)
print(len(s[::-1]), s[::-1][:5], len(s * 2), s.replace("quick", "slow")[:20])
