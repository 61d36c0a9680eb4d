"""Host name resolution, the seam the SSRF guard checks through (a static fake sits beside it)."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Mapping, Sequence
from typing import Protocol


class Resolver(Protocol):
    """Turns a host name into the addresses a connection could go to."""

    async def resolve(self, host: str, port: int) -> list[str]:
        """Every address of `host` (OSError when it has none)."""
        ...


class SystemResolver:
    """The operating system's resolver, run off the event loop by `loop.getaddrinfo`."""

    async def resolve(self, host: str, port: int) -> list[str]:
        """Every address getaddrinfo gives for a TCP connection, in its order, each once."""
        infos = await asyncio.get_running_loop().getaddrinfo(
            host, port, type=socket.SOCK_STREAM
        )
        addresses: list[str] = []
        for _family, _type, _proto, _name, sockaddr in infos:
            address = str(sockaddr[0]).split("%", 1)[0]  # an IPv6 zone id is not part of it
            if address not in addresses:
                addresses.append(address)
        return addresses


class StaticResolver:
    """Fixed answers, for tests and benchmarks: e.g. a public-looking name → 127.0.0.1."""

    def __init__(self, table: Mapping[str, Sequence[str]]) -> None:
        self._table = {host.lower(): list(addresses) for host, addresses in table.items()}
        self.asked: list[str] = []

    async def resolve(self, host: str, port: int) -> list[str]:
        """The addresses given for `host`; OSError for an unknown name, like a failed lookup."""
        self.asked.append(host)
        try:
            return list(self._table[host.lower()])
        except KeyError:
            raise socket.gaierror(socket.EAI_NONAME, f"unknown host {host}") from None
