# Literal patterns: numbers, strings, bytes, negative numbers; None/True/False use `is`.
def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case -2.5:
            return "minus two and a half"
        case 1.5:
            return "one and a half"
        case "hello" "!":
            return "greeting"
        case b"raw":
            return "bytes"
        case None:
            return "nothing"
        case True:
            return "yes"
        case False:
            return "no"
        case _:
            return "something else"

for v in [0, 0.0, 1, 2, 3, -1, -2.5, 1.5, "hello!", b"raw", None, True, False, 1.0, 4, "hello", [], "0"]:
    print(repr(v), "->", describe(v))

# True matches `case 1`, but 1 does not match `case True`
match True:
    case 1:
        print("True == 1")
match 1:
    case True:
        print("wrong")
    case _:
        print("1 is not True")
match 0:
    case False:
        print("wrong")
    case 0:
        print("0 is not False but == 0")
