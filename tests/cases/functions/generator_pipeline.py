def read_lines():
    for line in ["10", "x", "20", "", "30"]:
        yield line
def to_ints(lines):
    for line in lines:
        if line.isdigit():
            yield int(line)
def running_sum(nums):
    total = 0
    for n in nums:
        total += n
        yield total
print(list(running_sum(to_ints(read_lines()))))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 12)))
def take(n, it):
    return [x for _, x in zip(range(n), it)]
print(take(5, fib()))
