import functools
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80))
print(fib.cache_info())
@functools.lru_cache(maxsize=2)
def square(x):
    print("computing", x)
    return x * x
for v in [1, 2, 1, 3, 1, 2]:
    square(v)
print(square.cache_info())
square.cache_clear()
print(square.cache_info())
@functools.lru_cache
def plain(x):
    return x + 1
print(plain(1), plain(1), plain.cache_info())
@functools.cache
def cached(x):
    print("cache miss", x)
    return x
cached(1); cached(1); cached(2)
