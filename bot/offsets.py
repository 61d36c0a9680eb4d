"""The last update_id handled, kept beside the database so a restart skips re-deliveries."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


class UpdateMark:
    """A tiny file holding the highest update_id whose handling finished."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.value = self._load()

    def _load(self) -> int | None:
        with contextlib.suppress(OSError, ValueError):
            return int(self.path.read_text(encoding="ascii").strip())
        return None

    def seen(self, update_id: int) -> bool:
        """Whether this update was handled by an earlier run (or earlier in this one)."""
        return self.value is not None and update_id <= self.value

    def save(self, update_id: int) -> None:
        """Record `update_id` durably (write, fsync, atomic rename)."""
        if self.value is not None and update_id <= self.value:
            return
        tmp = self.path.with_name(self.path.name + ".tmp")
        with open(tmp, "w", encoding="ascii") as handle:
            handle.write(str(update_id))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.path)
        self.value = update_id


def mark_path(db_path: Path) -> Path:
    """Where the mark of a database lives."""
    return db_path.with_name(db_path.name + ".update-id")
