def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"
for n in (-5, 0, 7, 42):
    print(n, classify(n))
x = []
if x:
    print("truthy")
else:
    print("empty list is falsy")
if not x and len(x) == 0:
    print("both")
