# Requests per second of a threaded http.server (ThreadingHTTPServer on
# 127.0.0.1, port 0) hit by 8 client threads, each with its own keep-alive-less
# http.client connection per request (as a browser without keep-alive would).
import http.client
import http.server
import sys
import threading
import time

CLIENTS = 8
N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
BODY = b"hello\n" * 10


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
port = server.server_address[1]
threading.Thread(target=server.serve_forever, daemon=True).start()

got = [0] * CLIENTS


def client(k):
    for _ in range(N // CLIENTS):
        conn = http.client.HTTPConnection("127.0.0.1", port)
        conn.request("GET", "/")
        r = conn.getresponse()
        if r.read() == BODY:
            got[k] += 1
        conn.close()


start = time.perf_counter()
threads = [threading.Thread(target=client, args=(k,)) for k in range(CLIENTS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
dt = time.perf_counter() - start
server.shutdown()
server.server_close()
print(f"{sum(got)} of {N} requests answered, {sum(got) / dt:.0f} requests/s")
