"""Tóm Tắt storage: the only owner of the database (SQLite by default, PostgreSQL by URL)."""

from storage.exports import ExportOptions, ExportRecord
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
from storage.people import OfficialCount
from storage.search.repository import MATCH_CAP
from storage.store import Store, open_store

__all__ = [
    "MATCH_CAP",
    "BulkDigest",
    "ChatSettings",
    "ExportOptions",
    "ExportRecord",
    "Fragment",
    "HistoryPage",
    "Job",
    "JobNotFoundError",
    "OfficialCount",
    "SchemaTooNewError",
    "SearchHit",
    "Store",
    "StoreClosedError",
    "StoreError",
    "StoredDigest",
    "open_store",
]
