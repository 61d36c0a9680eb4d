"""The SSRF guard: which addresses a fetch may connect to, checked for every address and hop."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from bot.links.resolve import Resolver
from bot.paste.extract import NotArticle

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# The ports news sites serve pages on; others reach mail, databases, admin consoles…
WEB_PORTS = (80, 443, 8080, 8443)


class LinkError(NotArticle):
    """A link that gives no article; `key` names the friendly reply in bot.views.texts."""


def refused_reason(address: IPAddress) -> str | None:
    """Why a connection to `address` is refused (loopback, private, …), or None if it is public."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return refused_reason(address.ipv4_mapped)  # ::ffff:127.0.0.1 is 127.0.0.1
        # 2002:7f00:1:: tunnels to 127.0.0.1; Python before 3.12.4 calls all of 2002::/16 global.
        inner = address.sixtofour
        tunnelled = refused_reason(inner) if inner is not None else None
        if tunnelled is not None:
            return tunnelled
    checks = (
        ("loopback", address.is_loopback),
        ("unspecified", address.is_unspecified),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
        # Whatever else is not globally routable (shared CGNAT space, documentation, …).
        ("not global", not address.is_global),
    )
    return next((name for name, hit in checks if hit), None)


def literal_address(host: str) -> IPAddress | None:
    """The address when `host` is written as one (`10.0.0.1`, `::1`), else None."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


@dataclass(frozen=True)
class Guard:
    """Resolves a host and returns the addresses a connection may use, all of them checked."""

    resolver: Resolver
    allow_private: bool = False

    async def addresses(self, host: str, port: int) -> list[str]:
        """Every address of `host`; LinkError('link_blocked') if any one of them is refused,
        LinkError('link_port') when `port` is not one of WEB_PORTS.

        Refusing when *any* address is private (not only the first) stops a name that mixes a
        public and a private address from reaching the private one on a retry.
        """
        literal = literal_address(host)
        if literal is not None:
            found = [str(literal)]
        else:
            try:
                found = await self.resolver.resolve(host, port)
            except (OSError, UnicodeError) as exc:
                raise LinkError("link_no_host", host=host) from exc
            if not found:
                raise LinkError("link_no_host", host=host)
        if not self.allow_private:
            for address in found:
                reason = refused_reason(ipaddress.ip_address(address))
                if reason is not None:
                    raise LinkError("link_blocked", host=host, reason=reason)
            if port not in WEB_PORTS:
                raise LinkError("link_port", host=host, port=port)
        return found
