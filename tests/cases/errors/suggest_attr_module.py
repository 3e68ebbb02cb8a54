import math
print(math.sqroot(16))
