"""A fake network for fetch tests: every TCP connection lands on one loopback server.

With it, a name the test resolver maps to a public-looking address is served by the local
test server, so the SSRF guard can be exercised with its setting off. Dials are recorded.
"""

from __future__ import annotations

from collections.abc import Iterable

import httpcore

from bot.links.pinning import SocketOption


class LoopbackNetwork(httpcore.AsyncNetworkBackend):
    """Connects every (address, port) to 127.0.0.1:`port`, remembering what was dialled."""

    def __init__(self, port: int) -> None:
        self._port = port
        self._inner = httpcore.AnyIOBackend()
        self.dialled: list[tuple[str, int]] = []

    async def connect_tcp(
        self, host: str, port: int, timeout: float | None = None,
        local_address: str | None = None, socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        """The loopback server, whatever address was asked for."""
        self.dialled.append((host, port))
        return await self._inner.connect_tcp("127.0.0.1", self._port, timeout=timeout)

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        """Not used by page fetches."""
        raise httpcore.ConnectError("no unix sockets here")

    async def sleep(self, seconds: float) -> None:
        """Delegated to the real backend."""
        await self._inner.sleep(seconds)
