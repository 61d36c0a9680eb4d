"""A small HTTP server on 127.0.0.1 for link tests: fixed routes, every request counted."""

from __future__ import annotations

import contextlib
import ssl
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType


@dataclass(frozen=True)
class Route:
    """What one path answers; `length=False` streams the body without Content-Length."""

    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: Mapping[str, str] = field(default_factory=dict)
    delay_s: float = 0.0
    length: bool = True


def html(body: str, status: int = 200) -> Route:
    """A UTF-8 HTML page."""
    return Route(body.encode("utf-8"), status)


def redirect(location: str, status: int = 302) -> Route:
    """A redirect to `location`."""
    return Route(status=status, headers={"Location": location}, content_type="text/plain")


class WebServer:
    """Serves `routes` (path with query → Route) on 127.0.0.1; 404 for anything else."""

    def __init__(self, routes: Mapping[str, Route] | None = None,
                 tls: ssl.SSLContext | None = None) -> None:
        self.routes: dict[str, Route] = dict(routes or {})
        self.requests: list[str] = []
        self.user_agents: list[str] = []
        self.hosts: list[str] = []  # the Host header of each request
        self.served: list[tuple[str, float]] = []  # (path, time.monotonic() once sent)
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        self.scheme = "https" if tls is not None else "http"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        """The address of `path` on this server (optionally under another host name)."""
        return f"{self.scheme}://{host}:{self.port}{path}"

    def count(self, path: str | None = None) -> int:
        """How many requests arrived (for one path, or in all)."""
        with self._lock:
            return len(self.requests) if path is None else self.requests.count(path)

    def __enter__(self) -> WebServer:
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                with server._lock:
                    server.requests.append(self.path)
                    server.user_agents.append(self.headers.get("User-Agent", ""))
                    server.hosts.append(self.headers.get("Host", ""))
                route = server.routes.get(self.path, Route(b"<h1>404</h1>", 404))
                if route.delay_s:
                    time.sleep(route.delay_s)
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if route.length:
                    self.send_header("Content-Length", str(len(route.body)))
                else:
                    self.send_header("Connection", "close")
                    self.close_connection = True
                self.end_headers()
                # The client may stop reading (the size cap): that is the point.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(route.body)
                    self.wfile.flush()
                    with server._lock:
                        server.served.append((self.path, time.monotonic()))

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler
