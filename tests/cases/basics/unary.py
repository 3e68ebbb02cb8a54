x = 5
print(-x, +x, ~x, not x, --x, -(-x), ~~x)
y = -3.5
print(-y, +y, abs(y))
print(not [], not [1], -True, +False, ~True)
print(- 2 ** 2, (-2) ** 2, -(2 ** -1))
