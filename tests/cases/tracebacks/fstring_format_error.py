# A failing format spec inside an f-string: CPython 3.11 underlines the whole
# f-string literal (its parts carry the literal's span).
price = 3.5
label = "tea"
print(f"{label:>6}: {price:.2f}")
print(f"{label:>6}: {price:d} each")
