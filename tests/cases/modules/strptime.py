# time.strptime and datetime.strptime parse with CPython's _strptime, errors included.
import time
from datetime import datetime

print(time.strptime("2020-01-02", "%Y-%m-%d"))
print(time.strptime("30 Nov 00", "%d %b %y")[:6])
print(datetime.strptime("2024-02-29 13:45:07", "%Y-%m-%d %H:%M:%S"))
print(datetime.strptime("07/04/1999 11:05 PM", "%m/%d/%Y %I:%M %p").isoformat())
print(repr(datetime.strptime("2021-03-04T05:06:07.123456", "%Y-%m-%dT%H:%M:%S.%f")))
for bad in [("2020-13-01", "%Y-%m-%d"), ("2020-01-02 junk", "%Y-%m-%d")]:
    try:
        datetime.strptime(*bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    time.strptime(2020, "%Y")
except TypeError as e:
    print("TypeError:", e)
