def recurse(n):
    if n == 0:
        return 0
    return 1 + recurse(n - 1)
try:
    print(recurse(10000))
except RecursionError as e:
    print("RecursionError caught:", e)
print("recovered:", recurse(100))
def build(n):
    return [] if n == 0 else [build(n - 1)]
try:
    build(10000)
except RecursionError:
    print("RecursionError in list builder")
print("done")
