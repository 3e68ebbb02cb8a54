name = "Ada"
print(f"{"Hello"} {name}")
print(f'{'spam'!r:>12}')
