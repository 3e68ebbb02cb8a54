# Capture patterns bind, `_` binds nothing, no case matching falls through.
def first(x):
    match x:
        case 1:
            return "one"
        case other:
            return f"captured {other!r}"

print(first(1), first("two"), first([3]))

match 42:
    case _:
        print("wildcard always matches")

try:
    _
except NameError as e:
    print("NameError:", e)

result = "unchanged"
match 5:
    case 1:
        result = "one"
    case 2:
        result = "two"
print(result)

# the bound name is visible after the match statement
match (10, 20):
    case (a, b):
        pass
print(a + b)

# names of a failed case are not bound
match [1, 2]:
    case [q, 3]:
        print("no")
    case [r, s]:
        print("r s", r, s)
print("q" in globals(), "r" in globals())

def scoped(v):
    match v:
        case [n]:
            pass
        case n:
            pass
    return n

print(scoped([7]), scoped(8))
