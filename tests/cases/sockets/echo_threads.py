# A TCP echo server in a thread, several clients one after another and at once.
import socket
import threading

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print("reuseaddr", srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
srv.bind(("127.0.0.1", 0))
srv.listen(8)
host, port = srv.getsockname()
print("listening on", host, port > 0)
print("family", srv.family, "type", srv.type, repr(srv.family))


def handle(conn):
    with conn:
        while True:
            data = conn.recv(1024)
            if not data:
                break
            conn.sendall(data.upper())


def serve(n):
    workers = []
    for _ in range(n):
        conn, addr = srv.accept()
        print("accepted from", addr[0], type(conn).__name__, conn.gettimeout())
        t = threading.Thread(target=handle, args=(conn,))
        t.start()
        workers.append(t)
    for t in workers:
        t.join()


server = threading.Thread(target=serve, args=(4,))
server.start()

with socket.create_connection((host, port)) as c:
    c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    for word in [b"hello", b"world", b"x" * 10000]:
        c.sendall(word)
        got = b""
        while len(got) < len(word):
            got += c.recv(4096)
        print(got[:20], len(got))
    print("peer is server:", c.getpeername() == (host, port))

results = []
lock = threading.Lock()


def client(i):
    with socket.create_connection((host, port)) as c:
        msg = f"client {i}".encode()
        c.sendall(msg)
        c.shutdown(socket.SHUT_WR)
        data = b""
        while chunk := c.recv(100):
            data += chunk
        with lock:
            results.append(data)


clients = [threading.Thread(target=client, args=(i,)) for i in range(3)]
for t in clients:
    t.start()
for t in clients:
    t.join()
server.join()
srv.close()
print(sorted(results))
print(srv)
