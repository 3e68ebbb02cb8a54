def ret_override():
    try:
        return "try"
    finally:
        return "finally"
print(ret_override())
def ret_swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(ret_swallow())
def ret_order():
    log = []
    try:
        log.append("try")
        return log
    finally:
        log.append("finally")
print(ret_order())
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
def nested():
    for i in range(3):
        try:
            try:
                return i
            finally:
                print("inner", i)
        finally:
            print("outer", i)
print(nested())
def loop_finally_continue():
    out = []
    for i in range(3):
        try:
            out.append(i)
        finally:
            continue
    return out
print(loop_finally_continue())
