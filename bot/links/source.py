"""The page a digest came from, carried as a typed note so it travels wherever the digest goes."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from summarizer.digest import Digest
from summarizer.notes import Note, ReadFrom


def with_source(digest: Digest, url: str) -> Digest:
    """The digest marked as read from `url` (the canonical URL of the page)."""
    return digest.with_note(ReadFrom(url))


def source_in(notes: Iterable[Note]) -> str | None:
    """The URL among a digest's typed notes, or None for a paste."""
    return next((n.url for n in notes if isinstance(n, ReadFrom)), None)


def site_of(url: str) -> str:
    """The site's name as readers say it: the host without `www.`."""
    host = (urlsplit(url).hostname or url).lower()
    return host[4:] if host.startswith("www.") else host
