import threading
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
inputs = [10, 50, 90, 120]
results = [None] * len(inputs)
def compute(idx, n):
    results[idx] = fib(n)
threads = [threading.Thread(target=compute, args=(i, n)) for i, n in enumerate(inputs)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for n, r in zip(inputs, results):
    print(n, r)
