root = []
node = root
for i in range(10000):
    child = []
    node.append(child)
    node = child
depth = 0
node = root
while node:
    node = node[0]
    depth += 1
print("list depth", depth)
d = {}
cur = d
for i in range(5000):
    cur["next"] = {"i": i}
    cur = cur["next"]
count = 0
cur = d
while "next" in cur:
    cur = cur["next"]
    count += 1
print("dict depth", count, cur["i"])
shallow = [[i] * 3 for i in range(1000)]
print(len(shallow), sum(sum(row) for row in shallow))
