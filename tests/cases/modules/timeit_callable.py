import timeit
import time

calls = []
t = timeit.timeit(lambda: calls.append(1), number=1000)
print(len(calls), isinstance(t, float), t >= 0)
r = timeit.repeat(lambda: None, repeat=3, number=10)
print(len(r), all(x >= 0 for x in r))
print(timeit.default_timer is time.perf_counter)
timer = timeit.Timer(lambda: calls.append(2))
timer.timeit(5)
print(len(calls), calls[-1])
