"""Finding the links in a message and deciding whether the message is 'a link' to digest."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from summarizer.textnorm import count_words

# Links are cut at whitespace and at characters no news URL carries unescaped.
_LINK = re.compile(r"(?:https?://|www\.)[^\s<>\"'«»“”]+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}…'\"»”"
MAX_LINKS = 5  # per message; more looks like a list of links, not a request to read them
# A forwarded channel post is a headline, a teaser and a link: well under this many words.
FORWARD_TEASER_WORDS = 80


def _trim(link: str) -> str:
    """The link without punctuation that ends the sentence around it."""
    while link and link[-1] in _TRAILING:
        if link[-1] == ")" and link.count("(") >= link.count(")"):
            break  # a Wikipedia-style `(…)` belongs to the URL
        link = link[:-1]
    return link


def normalize(link: str) -> str | None:
    """An absolute http(s) URL without its #fragment, or None when it cannot be fetched."""
    if link.lower().startswith("www."):
        link = "https://" + link
    try:
        parts = urlsplit(link.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return urlunsplit((parts.scheme.lower(), parts.netloc, parts.path or "/", parts.query, ""))


def is_link(argument: str) -> bool:
    """Whether a command-line argument is a web address rather than a file name."""
    return argument.lower().startswith(("http://", "https://"))


def find_links(text: str, extra: Iterable[str] = ()) -> list[str]:
    """The message's fetchable links in order, each once (`extra`: hyperlinks of its entities)."""
    found: list[str] = []
    for raw in [*(_trim(m.group()) for m in _LINK.finditer(text)), *extra]:
        link = normalize(raw)
        if link is not None and link not in found:
            found.append(link)
    return found


def words_besides_links(text: str) -> int:
    """How many words the message has once its links are taken out."""
    return count_words(_LINK.sub(" ", text))


@dataclass(frozen=True)
class LinkRequest:
    """The links a message asks to digest, and how many more it had (past `MAX_LINKS`)."""

    urls: list[str]
    skipped: int = 0


def links_to_digest(
    text: str, *, min_words: int, forwarded: bool, extra: Iterable[str] = ()
) -> LinkRequest:
    """The links to fetch when the message is mostly links, else none (it is read as a paste).

    A link alone, with a comment, or several links are fetched; an article that merely cites
    its source is a paste. A forwarded post counts as its link when the rest is a teaser.
    """
    links = find_links(text, extra)
    limit = FORWARD_TEASER_WORDS if forwarded else min_words
    if not links or words_besides_links(text) >= limit:
        return LinkRequest([])
    return LinkRequest(links[:MAX_LINKS], max(len(links) - MAX_LINKS, 0))
