def level3():
    raise LookupError("deep")
def level2():
    try:
        level3()
    finally:
        print("level2 cleanup")
def level1():
    try:
        level2()
    except KeyError:
        print("wrong handler")
    print("not reached")
try:
    level1()
except LookupError as e:
    print("caught at top:", e)
