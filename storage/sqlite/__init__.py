"""The SQLite engine behind the storage seam: stdlib `sqlite3`, one writer thread, WAL."""

from storage.sqlite.database import SqliteDatabase

__all__ = ["SqliteDatabase"]
