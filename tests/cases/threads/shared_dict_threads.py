import threading
table = {}
def fill(prefix, n):
    for i in range(n):
        table[f"{prefix}-{i}"] = i
def count_keys():
    return len(table)
threads = [threading.Thread(target=fill, args=(p, 2000)) for p in "abcdef"]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(count_keys(), sum(table.values()), sorted({k.split("-")[0] for k in table}))
s = set()
def add_to_set(start):
    for i in range(start, start + 3000):
        s.add(i % 5000)
ts = [threading.Thread(target=add_to_set, args=(k * 1000,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(s), min(s), max(s))
