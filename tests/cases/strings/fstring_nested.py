for w in (6, 10):
    for p in (1, 3):
        print(f"[{3.14159:{w}.{p}f}] [{'ab':>{w}}] [{42:{'<'}{w}}]")
fill, align, width = "*", "^", 9
print(f"[{'mid':{fill}{align}{width}}]")
fmt = ".2e"
print(f"[{12345.678:{fmt}}]")
rows = [("apple", 1.5), ("kiwi", 0.25), ("watermelon", 3.0)]
wn = max(len(r[0]) for r in rows)
for name, price in rows:
    print(f"{name:<{wn}} | {price:>{wn - 4}.2f}")
