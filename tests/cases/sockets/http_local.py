# http.server in a thread; urllib.request.urlopen and http.client against it.
import http.client
import http.server
import json
import threading
import urllib.error
import urllib.request


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/missing":
            self.send_error(404, "Nothing here")
            return
        body = json.dumps({"path": self.path}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        n = int(self.headers["Content-Length"])
        data = self.rfile.read(n)
        self.send_response(201)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data.upper())

    def log_message(self, format, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
port = server.server_address[1]
t = threading.Thread(target=server.serve_forever)
t.start()
base = f"http://127.0.0.1:{port}"

with urllib.request.urlopen(base + "/hello?x=1") as r:
    print(r.status, r.reason, r.headers["Content-Type"], json.loads(r.read()))
try:
    urllib.request.urlopen(base + "/missing")
except urllib.error.HTTPError as e:
    print("HTTPError", e.code, e.reason)
req = urllib.request.Request(base + "/echo", data=b"posted body", method="POST")
with urllib.request.urlopen(req) as r:
    print(r.status, r.read())

conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
for path in ["/a", "/b"]:
    conn.request("GET", path)
    resp = conn.getresponse()
    print(resp.status, resp.reason, resp.getheader("Content-Length"), resp.read())
conn.close()

server.shutdown()
server.server_close()
t.join()
print("done")
