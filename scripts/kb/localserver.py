"""Serve a built site on 127.0.0.1 for linkchecker, browser tests and Lighthouse."""
from __future__ import annotations

import functools
import gzip
import io
import os
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml")


class _Handler(SimpleHTTPRequestHandler):
    def end_headers(self):
        # linkchecker limits itself to 10 requests/s per host unless the server sends this header
        self.send_header("LinkChecker", "allow-concurrent-checks")
        super().end_headers()

    def send_head(self):
        """Like any production web server (GitHub Pages, nginx), send text gzip-compressed when asked."""
        if not (self.server.compress and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        content_type = self.guess_type(path)
        if not os.path.isfile(path) or not content_type.startswith(COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(Path(path).read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    compress = False

    def handle_error(self, request, client_address):
        pass  # a client that hangs up early (a browser, linkchecker) is not an error of the site


@contextmanager
def serve_folder(folder: Path, compress: bool = False):
    """Serve `folder` on a free port for as long as the block runs; `compress` gzips text responses."""
    server = _Server(("127.0.0.1", 0), functools.partial(_Handler, directory=str(folder)))
    server.compress = compress
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
