"""Tóm Tắt storage: the only owner of SQLite (aiosqlite)."""

from storage.models import (
    BulkDigest,
    ChatSettings,
    Fragment,
    HistoryPage,
    Job,
    JobNotFoundError,
    SchemaTooNewError,
    SearchHit,
    StoreClosedError,
    StoredDigest,
    StoreError,
)
from storage.store import Store

__all__ = [
    "BulkDigest",
    "ChatSettings",
    "Fragment",
    "HistoryPage",
    "Job",
    "JobNotFoundError",
    "SchemaTooNewError",
    "SearchHit",
    "Store",
    "StoreClosedError",
    "StoreError",
    "StoredDigest",
]
