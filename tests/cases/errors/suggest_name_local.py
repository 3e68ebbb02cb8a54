# Locals are searched first, then globals, then builtins.
total_count = 0


def average(numbers):
    total = sum(numbers)
    return totl / len(numbers)


print(average([1, 2, 3]))
