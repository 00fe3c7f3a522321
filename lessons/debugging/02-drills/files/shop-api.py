"""The shop's API: answers GET / with a status line, on the port shop.conf names."""
import http.server
import pathlib
import sys

conf = dict(line.split("=", 1) for line in
            pathlib.Path(__file__).with_name("shop.conf").read_text().split() if "=" in line)
port = int(conf["PORT"])


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = b"shop-api ok\n"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


try:
    server = http.server.HTTPServer(("127.0.0.1", port), Handler)
except OSError as e:
    sys.exit(f"shop-api: cannot listen on port {port}: {e.strerror}")
print(f"shop-api listening on http://127.0.0.1:{port}", flush=True)
server.serve_forever()
