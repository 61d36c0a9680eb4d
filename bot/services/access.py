"""Who may use the bot: allow-lists of users and chats, and admins."""

from __future__ import annotations

from dataclasses import dataclass

from bot.settings import Settings


@dataclass(frozen=True)
class AccessPolicy:
    """Empty allow-lists admit everyone; admins are always admitted."""

    allowed_users: frozenset[int]
    allowed_chats: frozenset[int]
    admins: frozenset[int]

    @classmethod
    def from_settings(cls, settings: Settings) -> AccessPolicy:
        """The policy configured in `settings`."""
        return cls(settings.allowed_users, settings.allowed_chats, settings.admins)

    def is_admin(self, user_id: int | None) -> bool:
        """Whether the user may see /stats."""
        return user_id is not None and user_id in self.admins

    def admits(self, user_id: int | None, chat_id: int, *, private: bool) -> bool:
        """Whether this user may use the bot in this chat (the user is checked in groups too)."""
        if user_id is None:
            return False
        if self.is_admin(user_id):
            return True
        if self.allowed_users and user_id not in self.allowed_users:
            return False
        if private:
            # A private chat's id is the user's id: an allowed user needs no chat entry.
            if self.allowed_users or not self.allowed_chats:
                return True
            return chat_id in self.allowed_chats
        return not self.allowed_chats or chat_id in self.allowed_chats
