# socketserver.ThreadingTCPServer with a StreamRequestHandler (rfile/wfile).
import socket
import socketserver
import threading


class Upper(socketserver.StreamRequestHandler):
    def handle(self):
        for line in self.rfile:
            self.wfile.write(line.upper())


with socketserver.ThreadingTCPServer(("127.0.0.1", 0), Upper) as server:
    t = threading.Thread(target=server.serve_forever)
    t.start()
    replies = []
    for words in (["hello", "world"], ["one"]):
        with socket.create_connection(server.server_address) as c:
            f = c.makefile("rwb")
            for w in words:
                f.write(w.encode() + b"\n")
                f.flush()
                replies.append(f.readline())
            f.close()
    server.shutdown()
    t.join()
print(replies)


class Udp(socketserver.BaseRequestHandler):
    def handle(self):
        data, sock = self.request
        sock.sendto(data[::-1], self.client_address)


with socketserver.UDPServer(("127.0.0.1", 0), Udp) as us:
    t = threading.Thread(target=us.serve_forever, kwargs={"poll_interval": 0.05})
    t.start()
    c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    c.sendto(b"datagram", us.server_address)
    print(c.recvfrom(100)[0])
    c.close()
    us.shutdown()
    t.join()
