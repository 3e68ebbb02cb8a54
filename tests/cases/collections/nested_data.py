inventory = {
    "fruits": [{"name": "apple", "qty": 3}, {"name": "pear", "qty": 0}],
    "veg": [{"name": "leek", "qty": 7}],
}
for cat, items in inventory.items():
    for item in items:
        print(cat, item["name"], item["qty"])
in_stock = {i["name"] for items in inventory.values() for i in items if i["qty"]}
print(sorted(in_stock))
totals = {cat: sum(i["qty"] for i in items) for cat, items in inventory.items()}
print(totals)
inventory["fruits"][1]["qty"] += 5
print(inventory["fruits"])
matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
print(matrix, [list(r) for r in zip(*matrix)])
