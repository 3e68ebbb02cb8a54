# Guards: run after the pattern matched and its names were bound; a failing
# guard moves on to the next case, keeping the bindings.
log = []

def check(name, result):
    log.append(name)
    return result

def first_positive(values):
    match values:
        case [x, *_] if check("guard1", x > 0):
            return f"first {x} is positive"
        case [_, y, *_] if check("guard2", y > 0):
            return f"second {y} is positive"
        case [*_] if check("guard3", False):
            return "never"
        case _:
            return "no positive in front"

for v in [[1, 2], [-1, 2], [-1, -2], [], "ab"]:
    log.clear()
    print(v, "->", first_positive(v), log)

# bindings of a case whose guard failed stay bound
match (1, 2):
    case (a, b) if a > b:
        print("wrong")
    case _:
        print("after failed guard a, b =", a, b)

# the subject is evaluated exactly once
def subject():
    log.append("subject")
    return 5

log.clear()
match subject():
    case 1:
        pass
    case 2:
        pass
    case n if n > 3:
        print("matched", n, log)

# a guard can use the walrus operator and names from the pattern
match [3, 4]:
    case [a, b] if (total := a + b) > 5:
        print("total", total)

# value patterns are evaluated when their case is tried
class Consts:
    calls = 0
    @classmethod
    def bump(cls):
        cls.calls += 1

import enum
class Mode(enum.Enum):
    READ = "r"
    WRITE = "w"

for m in [Mode.READ, Mode.WRITE, "r"]:
    match m:
        case Mode.READ:
            print(m, "is READ")
        case Mode.WRITE:
            print(m, "is WRITE")
        case _:
            print(repr(m), "is neither")

# loops: break and continue inside case bodies
for item in [1, "skip", 2, "stop", 3]:
    match item:
        case "skip":
            continue
        case "stop":
            break
        case n:
            print("item", n)
print("loop done")
