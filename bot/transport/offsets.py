"""The last update_id handled, kept beside the database so a restart skips re-deliveries.

Telegram re-delivers the last batch when the bot died before confirming it; those updates
come in the first `getUpdates` answer after start-up, so the mark is only consulted there
(update ids of a bot can restart low after a week of silence, and a new token is a new bot).
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

MAX_AGE_S = 24 * 3600


class UpdateMark:
    """A tiny file holding `bot_id update_id` of the last batch whose handling finished."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.value: int | None = None
        self._bot_id: int | None = None

    def load(self, bot_id: int) -> None:
        """Read the mark left by an earlier run of the same bot, if recent."""
        self._bot_id = bot_id
        with contextlib.suppress(OSError, ValueError):
            if time.time() - self.path.stat().st_mtime > MAX_AGE_S:
                return
            saved_bot, saved_id = self.path.read_text(encoding="ascii").split()
            if int(saved_bot) == bot_id:
                self.value = int(saved_id)

    def seen(self, update_id: int) -> bool:
        """Whether an earlier run already handled this update."""
        return self.value is not None and update_id <= self.value

    def forget(self) -> None:
        """Stop skipping: the re-delivered batch has been seen."""
        self.value = None

    def save(self, update_id: int) -> None:
        """Record `update_id` durably (write, fsync, atomic rename)."""
        tmp = self.path.with_name(self.path.name + ".tmp")
        with open(tmp, "w", encoding="ascii") as handle:
            handle.write(f"{self._bot_id or 0} {update_id}")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.path)


def mark_path(db_path: Path | str) -> Path:
    """Where the mark of a database lives (a PostgreSQL URL: in the working directory)."""
    if isinstance(db_path, str):
        return Path("tomtat.update-id")
    return db_path.with_name(db_path.name + ".update-id")
