# OR patterns (alternatives bind the same names) and AS patterns.
def classify(cmd):
    match cmd:
        case "n" | "north" | "up":
            return "north"
        case ["go", ("north" | "south") as direction]:
            return f"go {direction}"
        case [("add" | "plus"), a, b] | [a, "+", b]:
            return f"sum {a + b}"
        case (1 | 2) as small, (3 | 4) as big:
            return f"pair {small} {big}"
        case [x, y] as pair if x < y:
            return f"ascending {pair}"
        case {"point": [x, y]} | {"x": x, "y": y}:
            return f"point {x},{y}"
        case _:
            return "?"

for c in ["n", "up", "down", ["go", "south"], ["go", "east"], ["add", 1, 2], [3, "+", 4], (2, 3),
          (1, 4), [5, 9], [9, 5], {"point": [1, 2]}, {"x": 3, "y": 4, "z": 5}]:
    print(repr(c), "->", classify(c))

match 3:
    case 1 | 2:
        print("wrong")
    case 3 | 4 as n:
        print("n =", n)

match [1, 2]:
    case [_, _] as whole:
        print("whole", whole)

match 0:
    case int() | float() as number:
        print("number", number)
