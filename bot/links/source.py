"""The page a digest came from, carried as a typed note so it travels wherever the digest goes."""

from __future__ import annotations

import dataclasses
from urllib.parse import urlsplit

from summarizer.digest import Digest

SOURCE = "source:"  # digest note: the canonical URL of the page the article was read from


def with_source(digest: Digest, url: str) -> Digest:
    """The digest marked as read from `url`."""
    notes = tuple(n for n in digest.notes if not n.startswith(SOURCE))
    return dataclasses.replace(digest, notes=(*notes, SOURCE + url))


def source_of(digest: Digest) -> str | None:
    """The URL the digest was read from, or None for a paste."""
    return next((n[len(SOURCE):] for n in digest.notes if n.startswith(SOURCE)), None)


def site_of(url: str) -> str:
    """The site's name as readers say it: the host without `www.`."""
    host = (urlsplit(url).hostname or url).lower()
    return host[4:] if host.startswith("www.") else host
