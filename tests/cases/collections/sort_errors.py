try:
    sorted([3, "a", 1])
except TypeError as e:
    print("TypeError:", e)
try:
    [1, 2] < [1, "x"]
except TypeError as e:
    print("TypeError:", e)
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
print(max([], default="empty"), sorted([]), min([[1], [0, 5]]))
