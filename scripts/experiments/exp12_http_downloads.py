# Run:     gilt scripts/experiments/exp12_http_downloads.py      (add --timeline to see it)
# Observe: 40 pages from a local http.server whose handler sleeps 50 ms take
#          ~2 s one after another but ~0.3 s with 8 threads: a thread waiting
#          for its socket has released the GIL (the timeline shows it blocked
#          in "socket", not waiting for the GIL), so downloads overlap.
import http.server
import sys
import threading
import time
import urllib.request

N = 16 if sys.argv[1:] == ["small"] else 40
THREADS = 8
DELAY = 0.05


class SlowPage(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        time.sleep(DELAY)  # the "network": the server is slow to answer
        body = f"page {self.path}".encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), SlowPage)
server.daemon_threads = True
threading.Thread(target=server.serve_forever, name="server", daemon=True).start()
base = f"http://127.0.0.1:{server.server_address[1]}"


def download(i):
    with urllib.request.urlopen(f"{base}/{i}") as r:
        return r.read()


t0 = time.perf_counter()
pages = [download(i) for i in range(N)]
seq = time.perf_counter() - t0

results = {}


def worker(ids):
    for i in ids:
        results[i] = download(i)


t0 = time.perf_counter()
threads = [threading.Thread(target=worker, args=(range(k, N, THREADS),), name=f"dl-{k}") for k in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
par = time.perf_counter() - t0
server.shutdown()
assert [results[i] for i in range(N)] == pages
print(f"{N} pages (server sleeps {DELAY * 1000:.0f} ms each): sequential {seq:.2f} s, {THREADS} threads {par:.2f} s")
print(f"RESULT speedup {seq / par:.1f}x (ideal {THREADS}x)")
