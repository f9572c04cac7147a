"""A feed on a loopback HTTP server, for the importer's tests: pages that fail, hosts that get a key.

`answer(path)` says what a path gets: (status, body, content type, delay in s); by default the
Turtle page in `pages` ({path: (status, body, delay in s)}), else 404. It remembers the x-api-key
each path was sent (None when none was sent).
"""
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class LoopbackFeed:
    def __init__(self, name="127.0.0.1"):
        self.pages, self.keys = {}, {}
        feed = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                feed.keys[self.path] = self.headers.get("x-api-key")
                status, body, content_type, delay = feed.answer(self.path)
                time.sleep(delay)
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", content_type)
                    self.end_headers()
                    self.wfile.write(body.encode())
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://{name}:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def answer(self, path: str) -> tuple[int, str, str, float]:
        status, body, delay = self.pages.get(path, (404, "", 0))
        return status, body, "text/turtle", delay

    def close(self):
        self.server.shutdown()
        self.server.server_close()
