"""One occurrence of a person's name with the positions written beside it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mention:
    """One occurrence of a name; `given_only` for "ông Hải"-style references."""

    name: str
    key: tuple[str, ...]
    titles: tuple[str, ...]
    given_only: bool
    order: int
    in_title: bool
