def ping(n):
    return pong(n + 1)
def pong(n):
    return ping(n + 1)
for attempt in range(3):
    try:
        ping(0)
    except RecursionError:
        print("attempt", attempt, "hit the limit")
def fine(n):
    return n if n == 0 else fine(n - 1)
print(fine(800))
