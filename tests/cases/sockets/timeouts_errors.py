# Timeouts, blocking modes and the errors CPython raises for them.
import errno
import socket

print(socket.timeout is TimeoutError, socket.error is OSError)
print(issubclass(socket.gaierror, OSError), issubclass(socket.herror, OSError))
print(socket.getdefaulttimeout())

a, b = socket.socketpair()
print(a.gettimeout(), a.getblocking(), a.timeout)
a.settimeout(0.1)
print(a.gettimeout(), a.getblocking())
try:
    a.recv(10)
except socket.timeout as e:
    print(type(e).__name__, e, e.args)

a.setblocking(False)
print(a.gettimeout(), a.getblocking())
try:
    a.recv(10)
except BlockingIOError as e:
    print(type(e).__name__, e.errno == errno.EAGAIN)
a.setblocking(True)
print(a.gettimeout())

socket.setdefaulttimeout(2.5)
c = socket.socket()
print(c.gettimeout(), socket.getdefaulttimeout())
socket.setdefaulttimeout(None)
c.close()

# Connection refused: bind a port, close it, connect to it.
s = socket.socket()
s.bind(("127.0.0.1", 0))
port = s.getsockname()[1]
s.close()
c = socket.socket()
try:
    c.connect(("127.0.0.1", port))
except ConnectionRefusedError as e:
    print(type(e).__name__, e)
c.close()
c = socket.socket()
print(c.connect_ex(("127.0.0.1", port)) == errno.ECONNREFUSED)
c.close()

# A closed socket.
a.close()
for name, call in [("recv", lambda: a.recv(1)), ("send", lambda: a.send(b"x")),
                   ("getsockname", a.getsockname), ("settimeout", lambda: a.settimeout(1))]:
    try:
        call()
    except OSError as e:
        print(name, type(e).__name__, e)
print(a.fileno(), a)
b.close()

# Peer closed: recv gives b'', send raises BrokenPipeError.
x, y = socket.socketpair()
y.close()
print(x.recv(10))
try:
    for _ in range(3):
        x.send(b"data")
except BrokenPipeError as e:
    print(type(e).__name__, e)
x.close()
