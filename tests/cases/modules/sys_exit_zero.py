import sys
print("clean exit")
try:
    sys.exit()
finally:
    print("finally still runs")
