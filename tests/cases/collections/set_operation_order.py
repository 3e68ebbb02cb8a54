# The order of set operations' results is CPython's: ^ copies the right operand and toggles
# the left's keys in; - removes a much smaller right operand from a copy of the left.
a = {1, 2, 3, 10, 20}; b = {2, 3, 30, 40}
print(a ^ b, b ^ a, a.symmetric_difference(b), frozenset(a) ^ b)
big = set(range(0, 200, 3)) | {1000, 2000, 3000}
print(big - {3, 6, 1000}, big - set(range(0, 150, 3)))
print({8, 16, 24, 32, 1, 9} - {16}, {8, 16, 24, 32, 1, 9, 40, 48, 56} - {16, 24})
x = {5, 13, 21, 29}; x ^= {13, 37, 45}; print(x)
print({1, 9, 17} & {17, 9, 1, 25}, {25, 17, 9, 1} & {1, 9, 17})
