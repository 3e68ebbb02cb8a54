# Float powers decide an infinite exponent before a zero base, as CPython's
# float_pow: 0.0 ** -inf is inf (not ZeroDivisionError); 0.0 ** -1 still raises.
vals = [0, False, 0.0, -0.0, 1, -1, 2, 0.5, -0.5, 1.5, -2, float('inf'), float('-inf'), float('nan')]
exps = [float('-inf'), float('inf'), -1, -1.0, -0.5, 0.5, -2, 3, 0.0, float('nan')]
for a in vals:
    row = []
    for b in exps:
        try:
            r = repr(pow(a, b))
        except Exception as e:
            r = type(e).__name__
        row.append(r)
    print(repr(a), ' '.join(row))
x = 0.0
print(x ** float('-inf'), (-0.0).__pow__(float('-inf')), 0 ** float('-inf'))
try:
    x **= -1
except ZeroDivisionError as e:
    print(e)
