# UDP datagrams: sendto/recvfrom, recvfrom_into, connect() on a datagram socket.
import socket

a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
a.bind(("127.0.0.1", 0))
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
b.bind(("127.0.0.1", 0))
print(a.type == socket.SOCK_DGRAM, a.type)

for msg in [b"one", b"two", b""]:
    b.sendto(msg, a.getsockname())
    data, addr = a.recvfrom(100)
    print(data, addr == b.getsockname())

buf = bytearray(10)
b.sendto(b"into", a.getsockname())
n, addr = a.recvfrom_into(buf)
print(n, buf, addr == b.getsockname())

b.connect(a.getsockname())
b.send(b"connected")
print(a.recv(4))  # the rest of a datagram is dropped
b.send(b"next")
print(a.recv(100))
a.settimeout(0.05)
try:
    a.recvfrom(10)
except TimeoutError as e:
    print("timeout:", e)
a.close()
b.close()
