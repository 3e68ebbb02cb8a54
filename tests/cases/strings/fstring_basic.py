name, age = "Ada", 36
print(f"{name} is {age}")
print(f"{name!r} {name!s} {age + 1} {age * 2:d}")
print(f"{{literal}} {{{age}}}")
print(f"{'nested' + ' quotes'} {[1, 2][0]} {dict(a=1)['a']}")
items = ["x", "y"]
print(f"{len(items)} items: {', '.join(items)}")
print(f"{3.14159:.2f} {age:5} {name:>6}|")
x = 10
print(f"{x if x > 5 else 0} {x ** 2} {(lambda v: v + 1)(x)}")
print(F"upper F {x}", rf"raw {x}\n", fr"{x}\t")
print(f"{None} {True} {[1, 'a']} {(1,)}")
