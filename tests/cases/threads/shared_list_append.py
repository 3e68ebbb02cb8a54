import threading
shared = []
def append_many(tag, n):
    for i in range(n):
        shared.append((tag, i))
threads = [threading.Thread(target=append_many, args=(t, 5000)) for t in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(shared), len(set(shared)))
per_tag = {}
for tag, i in shared:
    per_tag[tag] = per_tag.get(tag, 0) + 1
print(sorted(per_tag.items()))
print(all(sorted(i for tg, i in shared if tg == t) == list(range(5000)) for t in range(8)))
