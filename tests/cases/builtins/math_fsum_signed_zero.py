# math.fsum keeps no zero partials, so a sum of negative zeros is 0.0 (found by
# scripts/fuzz/difffuzz.py, family stmt.num_edges).
import math

for xs in [[], [-0.0], [-0.0, -0.0], [-0.0, 0.0], [0.0], [1e308, -1e308, -0.0], [0.1] * 10, [-1.5, 1.5]]:
    print(xs[:3], repr(math.fsum(xs)), math.copysign(1, math.fsum(xs)))
