# break and continue inside a finally body (allowed since 3.8), also while
# another break/continue/return is unwinding through the try.


def loops():
    count = 0
    while count < 2:
        count += 1
        try:
            pass
        finally:
            break
    print("plain break:", count)

    count = 0
    while count < 2:
        count += 1
        try:
            continue
        finally:
            break
    print("continue overridden by break:", count)

    count = 0
    while count < 2:
        count += 1
        try:
            1 / 0
        finally:
            break
    print("exception swallowed by break:", count)

    for count in [0, 1]:
        try:
            continue
        finally:
            break
    print("for, continue then break:", count)

    seen = []
    for count in [0, 1, 2]:
        try:
            break
        finally:
            seen.append(count)
            continue
    print("break overridden by continue:", seen)


def return_then_continue():
    for count in [0, 1]:
        try:
            return count
        finally:
            continue
    return "end"


def return_then_break():
    for count in [0, 1]:
        try:
            return count
        finally:
            break
    return "after break"


def nested():
    out = []
    for i in range(3):
        for j in range(3):
            try:
                try:
                    if j == 1:
                        continue
                    out.append((i, j))
                finally:
                    if i == 1:
                        break
            finally:
                out.append("f")
    return out


def return_replaced():
    try:
        return "first"
    finally:
        for _ in range(2):
            try:
                return "second"
            finally:
                continue
    return "third"


loops()
print(return_then_continue())
print(return_then_break())
print(nested())
print(return_replaced())
