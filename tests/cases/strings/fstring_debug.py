x = 42
name = "gilt"
items = [1, 2]
print(f"{x=}")
print(f"{x = }")
print(f"{name=}")
print(f"{x*2=}")
print(f"{x=:>6}|")
print(f"{3.14159=:.2f}")
print(f"{items=} {len(items)=}")
print(f"{name=!s}")
