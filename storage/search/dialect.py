"""The engine-specific half of search, chosen by `Database.dialect`."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Protocol, cast

from storage.database import Cursor
from storage.search.entry import IndexEntry
from storage.search.query import Query


class FullText(Protocol):
    """Index writes and ranked matching; a module (`sqlite_fts`) implements it."""

    def index(self, cur: Cursor, entries: Sequence[IndexEntry]) -> None:
        """Make digests findable."""

    def unindex(self, cur: Cursor, entries: Sequence[IndexEntry]) -> None:
        """Forget digests, given exactly what they were indexed with."""

    def matches(self, cur: Cursor, chat_id: int, query: Query, limit: int) -> int:
        """How many of the chat's digests match, counting no further than `limit`."""

    def ranked(
        self, cur: Cursor, chat_id: int, query: Query, limit: int, offset: int,
        total: int | None = None,
    ) -> list[int]:
        """One page of matching digest ids, best first."""


MODULES = {"sqlite": "storage.search.sqlite_fts", "postgresql": "storage.postgres.search"}


def fulltext(dialect: str) -> FullText:
    """The full-text module for a database dialect."""
    return cast(FullText, importlib.import_module(MODULES[dialect]))
