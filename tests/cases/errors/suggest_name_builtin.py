# A misspelt built-in: CPython suggests the closest name.
values = [3, 1, 2]
pritn(sorted(values))
