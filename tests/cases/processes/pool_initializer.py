import multiprocessing as mp

STATE = {}

def init(base):
    STATE["base"] = base

def use(x):
    return STATE["base"] + x

if __name__ == "__main__":
    mp.set_start_method('spawn')
    pool = mp.Pool(processes=2, initializer=init, initargs=(100,))
    print(pool.map(use, [1, 2, 3]))
    pool.close()
    pool.join()
    print("closed")
    try:
        pool.map(use, [1])
    except ValueError as e:
        print("ValueError", e)
