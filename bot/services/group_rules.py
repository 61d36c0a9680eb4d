"""Who may change a group's shared things: its admins, or the author of a digest for that digest."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from telegram import Bot
from telegram.constants import ChatMemberStatus
from telegram.error import TelegramError

log = logging.getLogger(__name__)

ADMIN_TTL_S = 60.0  # Telegram asks bots not to poll getChatMember; a minute is fresh enough
MEMBER_TTL_S = 10.0  # a "no" is kept shorter: a member just promoted should not wait a minute
_ADMIN_STATUSES = (ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR)


@dataclass
class AdminCache:
    """getChatMember answers per (chat, user), kept briefly."""

    ttl_s: float = ADMIN_TTL_S
    # (chat, user) → (when asked, whether an admin)
    _known: dict[tuple[int, int], tuple[float, bool]] = field(default_factory=dict)

    async def is_admin(self, bot: Bot, chat_id: int, user_id: int) -> bool:
        """Whether the user administers the group (False when Telegram cannot say)."""
        now = time.monotonic()
        cached = self._known.get((chat_id, user_id))
        if cached is not None and now - cached[0] < (self.ttl_s if cached[1] else
                                                      min(self.ttl_s, MEMBER_TTL_S)):
            return cached[1]
        try:
            member = await bot.get_chat_member(chat_id, user_id)
        except TelegramError as exc:
            log.info("getChatMember failed in chat %s: %s", chat_id, exc)
            return False
        admin = member.status in _ADMIN_STATUSES
        if len(self._known) > 10_000:
            self._known.clear()
        self._known[(chat_id, user_id)] = (now, admin)
        return admin


async def may_manage(
    cache: AdminCache, bot: Bot, chat_id: int, user_id: int, *, private: bool,
    author_id: int | None = None,
) -> bool:
    """Private chats: always; groups: the item's own author, or a group admin."""
    if private or (author_id is not None and author_id == user_id):
        return True
    return await cache.is_admin(bot, chat_id, user_id)
