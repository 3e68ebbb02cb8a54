text = """the quick brown fox jumps over the lazy dog the fox"""
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
by_freq = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
print(by_freq[:3])
groups = {}
for w in text.split():
    groups.setdefault(len(w), []).append(w)
print(groups)
