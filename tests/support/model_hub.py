"""A Hugging Face hub on 127.0.0.1 serving model folders, for tests and for trying by hand.

It answers just what huggingface_hub's `snapshot_download` asks: the repo info
(`/api/models/{id}/revision/{rev}`), the file tree (`/api/models/{id}/tree/{rev}`) and each file
(`HEAD`/`GET /{id}/resolve/{rev}/{file}`, with ETag, X-Repo-Commit and byte ranges). Faults on
request: every answer a 500 (`failing`), or a file's first download cut half-way (`cut_once`).

By hand (README, "Try the model download without the internet"):
    PYTHONPATH=. python -m tests.support.model_hub --tiny VietAI/vit5-base-vietnews-summarization
    HF_ENDPOINT=http://127.0.0.1:8089 tomtat model download
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import re
import tempfile
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMMIT = "0123456789abcdef0123456789abcdef01234567"
_RANGE = re.compile(r"bytes=(\d+)-(\d*)")


@dataclass
class HubLog:
    """What the hub was asked, and what it did, for tests to check."""

    requests: list[tuple[str, str, str]] = field(default_factory=list)  # method, path, Range
    bytes_sent: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def ranged(self, name: str) -> bool:
        """Whether a download of `name` was resumed with a Range request."""
        return any(r and p.endswith("/" + name) for _, p, r in self.requests)


class ModelHub:
    """Serves model folders as hub repos; start() in a thread, stop() when done."""

    def __init__(self, repos: dict[str, Path], port: int = 0) -> None:
        self.repos = repos
        self.failing = False
        self.cut_once: set[str] = set()
        self.delay_s = 0.0  # per 64 KiB chunk: a slow link, to watch progress
        self.log = HubLog()
        hub = self

        class Handler(_Handler):
            pass

        Handler.hub = hub
        self._server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def endpoint(self) -> str:
        """The URL to put in HF_ENDPOINT."""
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> ModelHub:
        """Serve in a background thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and free the port."""
        self._server.shutdown()
        self._server.server_close()

    def files(self, repo: str) -> list[Path]:
        """The repo's files, in a stable order."""
        root = self.repos[repo]
        return sorted(p for p in root.rglob("*") if p.is_file())


def _etag(path: Path) -> str:
    return hashlib.sha1(path.read_bytes()).hexdigest()


class _Handler(BaseHTTPRequestHandler):
    hub: ModelHub
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: tests read HubLog instead."""

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def do_GET(self) -> None:
        self._answer(body=True)

    def _answer(self, body: bool) -> None:
        path = unquote(urlsplit(self.path).path)
        hub = self.hub
        with hub.log.lock:
            hub.log.requests.append((self.command, path, self.headers.get("Range", "")))
        if hub.failing:
            return self._json({"error": "hub is down"}, 500, body)
        for repo in hub.repos:
            if path.startswith(f"/api/models/{repo}/revision/"):
                return self._json(self._info(repo), 200, body)
            if path.startswith(f"/api/models/{repo}/tree/"):
                return self._json(self._tree(repo), 200, body)
            prefix = f"/{repo}/resolve/"
            if path.startswith(prefix):
                name = path[len(prefix) :].split("/", 1)[-1]
                return self._file(repo, name, body)
        self._json({"error": "Repository not found"}, 404, body, {"X-Error-Code": "RepoNotFound"})

    def _info(self, repo: str) -> dict[str, object]:
        files = self.hub.files(repo)
        root = self.hub.repos[repo]
        return {
            "id": repo, "modelId": repo, "sha": COMMIT, "private": False, "disabled": False,
            "gated": False, "tags": [], "downloads": 0, "likes": 0,
            "siblings": [{"rfilename": str(p.relative_to(root))} for p in files],
        }

    def _tree(self, repo: str) -> list[dict[str, object]]:
        root = self.hub.repos[repo]
        return [
            {"type": "file", "oid": _etag(p), "size": p.stat().st_size,
             "path": str(p.relative_to(root))}
            for p in self.hub.files(repo)
        ]

    def _file(self, repo: str, name: str, body: bool) -> None:
        path = self.hub.repos[repo] / name
        if not path.is_file():
            return self._json({"error": "Entry not found"}, 404, body,
                              {"X-Error-Code": "EntryNotFound", "X-Repo-Commit": COMMIT})
        data = path.read_bytes()
        start, status = 0, 200
        match = _RANGE.fullmatch(self.headers.get("Range", "").strip())
        if match:
            start, status = int(match.group(1)), 206
        chunk = data[start:]
        self.send_response(status)
        self.send_header("Content-Length", str(len(chunk)))
        self.send_header("ETag", f'"{_etag(path)}"')
        self.send_header("X-Repo-Commit", COMMIT)
        self.send_header("Accept-Ranges", "bytes")
        if status == 206:
            self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        self.end_headers()
        if body:
            self._send(name, chunk)

    def _send(self, name: str, chunk: bytes) -> None:
        hub = self.hub
        cut = name in hub.cut_once and not self.headers.get("Range")
        if cut:
            hub.cut_once.discard(name)
            chunk = chunk[: len(chunk) // 2]
        for offset in range(0, len(chunk), 1 << 16):
            piece = chunk[offset : offset + (1 << 16)]
            self.wfile.write(piece)
            with hub.log.lock:
                hub.log.bytes_sent[name] = hub.log.bytes_sent.get(name, 0) + len(piece)
            if hub.delay_s:
                threading.Event().wait(hub.delay_s)
        if cut:
            # The connection drops half-way through: the client must resume with a Range.
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(2)

    def _json(self, data: object, status: int, body: bool,
              headers: dict[str, str] | None = None) -> None:
        raw = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if body:
            self.wfile.write(raw)


def main() -> None:
    """Serve folders given as REPO_ID=DIR (or a tiny T5 as --tiny REPO_ID) until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("repos", nargs="*", help="REPO_ID=DIR")
    parser.add_argument("--tiny", default=None, help="serve a tiny random T5 under this id")
    parser.add_argument("--port", type=int, default=8089)
    args = parser.parse_args()
    repos = {r.split("=", 1)[0]: Path(r.split("=", 1)[1]) for r in args.repos}
    with tempfile.TemporaryDirectory(prefix="tomtat-hub-") as tmp:
        if args.tiny:
            from tests.support.tiny_t5 import save_tiny_t5

            repos[args.tiny] = save_tiny_t5(Path(tmp))
        hub = ModelHub(repos, args.port)
        print(f"HF_ENDPOINT={hub.endpoint} serves {', '.join(repos)}", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            hub._server.serve_forever()


if __name__ == "__main__":
    main()
