import multiprocessing as mp

def square(x):
    return x * x

def add(a, b):
    return a + b

if __name__ == "__main__":
    mp.set_start_method('spawn')
    with mp.Pool(2) as pool:
        print(pool.map(square, range(10)))
        print(pool.map(square, range(7), chunksize=3))
        print(pool.starmap(add, [(1, 2), (3, 4)]))
        print(pool.apply(add, (5, 6)))
        print(list(pool.imap(square, range(5))))
        print(sorted(pool.imap_unordered(square, range(5))))
        print(pool.map(square, []))
