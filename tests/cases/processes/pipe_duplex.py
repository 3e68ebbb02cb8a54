import multiprocessing as mp

def echo(conn):
    while True:
        msg = conn.recv()
        if msg is None:
            break
        conn.send(("echo", msg))
    conn.close()

if __name__ == "__main__":
    mp.set_start_method('spawn')
    a, b = mp.Pipe()
    p = mp.Process(target=echo, args=(b,))
    p.start()
    for m in [1, "two", [3, 4], {"five": 5}]:
        a.send(m)
        print(a.recv())
    print(a.poll(0.01))
    a.send(None)
    p.join()
    r, w = mp.Pipe(duplex=False)
    w.send(b"bytes")
    print(r.recv(), r.poll())
