import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(f"{math.pi:.10f}", round(math.e, 4))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.factorial(-1), lambda: math.acos(2)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
