"""Where a forwarded post came from, as a link a reader can open (public channels only)."""

from __future__ import annotations

from telegram import MessageOrigin, MessageOriginChannel


def post_link(origin: MessageOrigin | None) -> str | None:
    """`https://t.me/channel/123` for a public channel's post, else None.

    Posts of private channels, groups and users have no link anyone else could open.
    """
    if not isinstance(origin, MessageOriginChannel) or not origin.chat.username:
        return None
    return f"https://t.me/{origin.chat.username}/{origin.message_id}"
