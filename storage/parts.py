"""Where each part of a job's reply is shown: the messages delivery edits, recorded before use."""

from __future__ import annotations

import sqlite3

from storage.chats import job_in_chat
from storage.jobs import JobsMixin
from storage.rows import now_ms


class PartsMixin(JobsMixin):
    """Message ids of reply parts: part 0 is the job's status message, the rest a table."""

    async def part_messages(self, chat_id: int, job_id: int) -> dict[int, int]:
        """Part number → message id, for the parts that have a message already."""
        rows = await self._rows(
            "SELECT 0, status_message_id FROM jobs WHERE id = ? AND chat_id = ?"
            " AND status_message_id IS NOT NULL UNION ALL"
            " SELECT p.part, p.message_id FROM delivery_parts p JOIN jobs j ON j.id = p.job_id"
            " WHERE p.job_id = ? AND j.chat_id = ? AND p.part > 0",
            (job_id, chat_id, job_id, chat_id),
        )
        return {int(part): int(message_id) for part, message_id in rows}

    async def set_part_message(self, chat_id: int, job_id: int, part: int,
                               message_id: int) -> None:
        """Record (or replace) the message that shows part `part` of the job's reply."""

        def write(raw: sqlite3.Connection) -> None:
            job_in_chat(raw, chat_id, job_id)
            if part == 0:
                raw.execute(
                    "UPDATE jobs SET status_message_id = ?, updated_at = ? WHERE id = ?",
                    (message_id, now_ms(), job_id),
                )
                return
            raw.execute(
                "INSERT OR REPLACE INTO delivery_parts (job_id, part, message_id) VALUES (?,?,?)",
                (job_id, part, message_id),
            )

        await self._write_sync(write)
