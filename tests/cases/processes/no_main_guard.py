import multiprocessing as mp

def f():
    print("never")

mp.set_start_method("spawn", force=True)
print("top level of", __name__)
p = mp.Process(target=f)
p.start()
p.join()
print("not reached")
