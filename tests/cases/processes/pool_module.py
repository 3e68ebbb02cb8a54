# multiprocessing.pool is importable: Pool used directly, and MaybeEncodingError
# (a result that cannot be sent back) caught by its qualified name.
import multiprocessing
import multiprocessing.pool
from multiprocessing.pool import Pool, MaybeEncodingError
import threading


def make_lock():
    return threading.Lock()


def square(x):
    return x * x


if __name__ == "__main__":
    print(multiprocessing.pool.MaybeEncodingError is MaybeEncodingError)
    with Pool(2) as p:
        print(p.map(square, range(5)))
        try:
            p.apply(make_lock)
        except multiprocessing.pool.MaybeEncodingError as e:
            print("MaybeEncodingError", e.exc)
