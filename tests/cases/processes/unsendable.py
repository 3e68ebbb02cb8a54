import multiprocessing as mp
import threading

def run(f):
    return f()

if __name__ == "__main__":
    mp.set_start_method('spawn')
    for bad in [lambda: 1, threading.Lock()]:
        try:
            p = mp.Process(target=run, args=(bad,))
            p.start()
            p.join()
            print("sent?")
        except Exception as e:
            print("refused:", isinstance(e, Exception))
