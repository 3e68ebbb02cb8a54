# A misspelt method of a built-in type.
items = []
items.apend(3)
