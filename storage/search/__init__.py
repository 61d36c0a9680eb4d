"""The whole search: query parsing, the index, ranking and snippets (engine SQL in a dialect)."""

from storage.search.repository import SearchRepository

__all__ = ["SearchRepository"]
