from collections import defaultdict
groups = defaultdict(list)
for word in ["apple", "bat", "avocado", "cat", "banana"]:
    groups[word[0]].append(word)
print(groups)
print(dict(groups), groups["z"], len(groups))
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(counts, counts["q"])
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["x"] += 1
print(dict(nested["a"]), "a" in nested, "b" in nested)
s = defaultdict(set)
s["k"].add(1)
print(s, isinstance(s, dict), s.default_factory)
