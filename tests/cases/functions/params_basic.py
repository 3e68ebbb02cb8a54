def describe(name, age, city="Paris"):
    return f"{name} ({age}) from {city}"
print(describe("Ann", 30))
print(describe("Bob", 25, "Rome"))
print(describe(age=40, name="Cy"))
print(describe("Di", city="Oslo", age=22))
def no_args():
    return "none"
print(no_args())
def implicit_none(x):
    x + 1
print(implicit_none(1))
