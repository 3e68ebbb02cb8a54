# Address helpers, name lookups on localhost and numeric addresses, and
# CPython's TypeErrors for wrong argument types.
import socket

print(socket.inet_aton("127.0.0.1"), socket.inet_ntoa(b"\x7f\x00\x00\x01"))
print(socket.inet_pton(socket.AF_INET6, "::1"), socket.inet_ntop(socket.AF_INET6, b"\x00" * 15 + b"\x01"))
print(socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(16777216))
print(socket.gethostbyname("127.0.0.1"), socket.gethostbyname("localhost"))
print(socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM))
print(socket.getaddrinfo(None, "8080", socket.AF_INET, socket.SOCK_DGRAM, 0, socket.AI_PASSIVE))
print(socket.getnameinfo(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
print(isinstance(socket.gethostname(), str), socket.has_ipv6)
print(socket.AF_INET, socket.SOCK_STREAM, socket.SOL_SOCKET, socket.SO_REUSEADDR, socket.TCP_NODELAY)
print(socket.SocketType, socket.socket.__mro__)

s = socket.socket()


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: s.recv())
t(lambda: s.recv("x"))
t(lambda: s.recv(-1))
t(lambda: s.send("text"))
t(lambda: s.sendall(42))
t(lambda: s.connect("127.0.0.1"))
t(lambda: s.connect(("127.0.0.1",)))
t(lambda: s.connect(("127.0.0.1", 70000)))
t(lambda: s.bind((1, 80)))
t(lambda: s.settimeout("soon"))
t(lambda: s.settimeout(-1))
t(lambda: s.setsockopt(socket.SOL_SOCKET))
t(lambda: s.sendto(b"x"))
t(lambda: s.recv_into(b"immutable"))
t(lambda: socket.socket("inet"))
t(lambda: socket.socket(fileno=-5))
t(lambda: socket.inet_aton("not an ip"))
t(lambda: socket.inet_ntoa(b"12"))
t(lambda: socket.htons(-1))
t(lambda: socket.htons(70000))
t(lambda: socket.getaddrinfo("127.0.0.1", 1.5))
t(lambda: socket.getaddrinfo("name.invalid", 80))
t(lambda: socket.gethostbyname("name.invalid"))
t(lambda: socket.setdefaulttimeout("x"))
s.close()
