# A single-threaded echo server with selectors (DefaultSelector is epoll on
# Linux), clients in threads; select.select and select.poll on a socketpair.
import select
import selectors
import socket
import threading

sel = selectors.DefaultSelector()
print(type(sel).__name__)
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
srv.setblocking(False)
sel.register(srv, selectors.EVENT_READ, data=None)
addr = srv.getsockname()

N = 3
done = []


def client(i):
    with socket.create_connection(addr) as c:
        c.sendall(f"msg{i}".encode())
        done.append(c.recv(100))


threads = [threading.Thread(target=client, args=(i,)) for i in range(N)]
for t in threads:
    t.start()

closed = 0
while closed < N:
    for key, mask in sel.select(timeout=5):
        if key.data is None:
            conn, _ = key.fileobj.accept()
            conn.setblocking(False)
            sel.register(conn, selectors.EVENT_READ, data="client")
        else:
            conn = key.fileobj
            data = conn.recv(100)
            if data:
                conn.sendall(data[::-1])
            else:
                sel.unregister(conn)
                conn.close()
                closed += 1
for t in threads:
    t.join()
sel.close()
srv.close()
print(sorted(done))

a, b = socket.socketpair()
print(select.select([a], [], [], 0))
b.send(b"x")
r, w, x = select.select([a, b], [a], [], 1)
print(r == [a], w == [a], x)
p = select.poll()
p.register(a, select.POLLIN)
print([(fd == a.fileno(), ev == select.POLLIN) for fd, ev in p.poll(100)])
p.unregister(a)
print(p.poll(0))
ep = select.epoll()
ep.register(a.fileno(), select.EPOLLIN)
print([(fd == a.fileno(), ev) for fd, ev in ep.poll(1)])
ep.modify(a, select.EPOLLOUT)
print([(fd == a.fileno(), ev) for fd, ev in ep.poll(1)])
ep.unregister(a)
print(ep.poll(0), ep.closed)
ep.close()
print(ep.closed)
with select.epoll() as e2:
    print(e2.closed)
print(e2.closed)
a.close()
b.close()
