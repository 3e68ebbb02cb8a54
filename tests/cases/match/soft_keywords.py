# `match` and `case` are soft keywords: they remain ordinary names elsewhere.
match = 3
print(match)
case = 1
print(case + match)
match, case = case, match
print(match, case)

def match(x):
    return f"match({x})"

print(match(5))
match(5)
print(match(6).upper())

class Box:
    pass

match = Box()
match.case = "attr"
print(match.case)
match.value = [1, 2]
print(match.value[0])

match = {"case": 1}
match["case"] += 1
print(match)
match: int = 10
print(match)
case: str = "annotated"
print(case)

import re
m = re.match(r"(\d+)", "123abc")
print(m.group(1))

def case(match):
    return match * 2

print(case(21))

# as a match subject and inside patterns
match = [1, 2]
match match:
    case [case, *_]:
        print("case bound to", case)

def f(match, case):
    match match:
        case 1:
            return case
        case _:
            return -case

print(f(1, 10), f(2, 10))

lst = [match for match in range(3)]
print(lst)
print([case for case in "ab"])
match (1):
    case 1:
        print("parenthesised subject")
match -1:
    case -1:
        print("negative subject")
match [1, 2][0]:
    case 1:
        print("subscripted subject")
match *[1, 2], 3:
    case [1, 2, 3]:
        print("starred subject")
