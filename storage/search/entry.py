"""What the search index holds for one digest, whatever the engine."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IndexEntry:
    """One digest's searchable text: title, summary, officials (names and positions), body."""

    digest_id: int
    chat_id: int
    title: str
    summary: str
    officials: str
    body: str
