# Python's // rounds toward negative infinity and % takes the sign of the divisor.
for a in (7, -7, 0, 6, -6):
    row = []
    for b in (2, -2, 3, -3):
        row.append(f"{a}//{b}={a // b} {a}%{b}={a % b}")
    print("  ".join(row))
for a in (7.5, -7.5):
    for b in (2.0, -2.0):
        print(a, b, a // b, a % b, divmod(a, b))
print(5 % 3.0, -5 % 3.0, 5.0 // 3, -5.0 // 3)
print(1e300 % 7, -0.0 % 5)
