#!/usr/bin/env python3
"""Serves the demo page and forwards /os/... to OpenSearch, so the page talks to one origin (no CORS setup).

Usage: server.py [--port 8000] [--opensearch http://127.0.0.1:9200] [--lang en|zh]   (standard library only)
"""
import argparse
import http.server
import os
import urllib.error
import urllib.request

WEB = os.path.join(os.path.dirname(os.path.abspath(__file__)), "web")


def handler(opensearch, lang):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=WEB, **kwargs)

        def log_message(self, *args):
            pass

        def forward(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            request = urllib.request.Request(opensearch + self.path[len("/os"):], data=body, method=self.command,
                                             headers={"Content-Type": "application/json"})
            try:
                with urllib.request.urlopen(request) as response:
                    status, payload = response.status, response.read()
            except urllib.error.HTTPError as e:
                status, payload = e.code, e.read()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def do_GET(self):
            if self.path.startswith("/os/"):
                self.forward()
            elif self.path == "/config.js":  # the page's language (catalog, model, texts)
                payload = f'window.DEMO_LANG = "{lang}";\n'.encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/javascript; charset=utf-8")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
            else:
                super().do_GET()

        def do_POST(self):
            self.forward()

        def do_PUT(self):
            self.forward()

        def do_DELETE(self):
            self.forward()

    return Handler


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--opensearch", default="http://127.0.0.1:9200")
    parser.add_argument("--lang", choices=["en", "zh"], default="en")
    args = parser.parse_args()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler(args.opensearch.rstrip("/"), args.lang))
    print(f"demo page on http://127.0.0.1:{args.port}/ (OpenSearch at {args.opensearch})", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
