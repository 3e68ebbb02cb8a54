# time.asctime and time.strftime share CPython's range checks: 0 stands for the lowest
# month, day and day of year; other values out of range are ValueErrors.
import time
print(time.asctime((2000, 6, 1) + (0,) * 6))
print(time.asctime((12345, 1, 1, 0, 0, 0, 0, 1, 0)))
print(time.asctime((-5, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.strftime("%Y-%m-%d %j", (2000, 0, 0, 0, 0, 0, 0, 0, 0)))
bad = [(2000, 13, 1), (2000, 1, 32), (2000, 1, -1), (2000, 1, 1, 24), (2000, 1, 1, 0, 60),
       (2000, 1, 1, 0, 0, 62), (2000, 1, 1, 0, 0, 0, -2), (2000, 1, 1, 0, 0, 0, 0, 367),
       (2000, -1, 1)]
for t in bad:
    t = t + (0,) * (9 - len(t))
    for f in (time.asctime, lambda t: time.strftime("%c", t)):
        try:
            f(t)
        except ValueError as e:
            print(t, e)
for t in (0, (), (0,) * 10):
    try:
        time.asctime(t)
    except TypeError as e:
        print("TypeError", e)
