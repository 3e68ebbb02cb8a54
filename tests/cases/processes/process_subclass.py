import multiprocessing as mp

class Worker(mp.Process):
    def __init__(self, q, x):
        super().__init__()
        self.q = q
        self.x = x

    def run(self):
        self.q.put((self.name, self.x * 3))

if __name__ == "__main__":
    mp.set_start_method('spawn')
    q = mp.Queue()
    ws = [Worker(q, i) for i in range(3)]
    for w in ws:
        w.start()
    print(sorted(q.get(timeout=10) for _ in ws))
    for w in ws:
        w.join()
    print([w.exitcode for w in ws])
