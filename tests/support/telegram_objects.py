"""Bot API objects as Telegram sends them (User, Chat, ChatMember): the one place that knows
their shape, for the stub server (tests/support/stub_api) and the request-layer fake
(tests/support/fake_request.py) alike."""

from __future__ import annotations

from typing import Any

BOT_NAME = "Tóm Tắt"

# What an administrator may do, as getChatMember reports it (the bot reads can_manage_chat).
_ADMIN_RIGHTS: dict[str, bool] = {
    "can_be_edited": False, "is_anonymous": False, "can_manage_chat": True,
    "can_delete_messages": True, "can_manage_video_chats": False, "can_restrict_members": True,
    "can_promote_members": False, "can_change_info": True, "can_invite_users": True,
    "can_post_stories": False, "can_edit_stories": False, "can_delete_stories": False,
}


def bot_user(bot_id: int, username: str) -> dict[str, Any]:
    """The bot's own User object (getMe, and the sender of its messages)."""
    return {"id": bot_id, "is_bot": True, "first_name": BOT_NAME, "username": username,
            "can_join_groups": True, "can_read_all_group_messages": False,
            "supports_inline_queries": False}


def user(user_id: int, first_name: str, language_code: str | None = None) -> dict[str, Any]:
    """A person's User object; the language only when the client reports one."""
    found: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
    if language_code:
        found["language_code"] = language_code
    return found


def chat_type(chat_id: int) -> str:
    """Positive ids are private chats, negative ones (super)groups."""
    return "private" if chat_id > 0 else "supergroup"


def chat(chat_id: int, kind: str | None = None, *, name: str | None = None) -> dict[str, Any]:
    """A Chat object: a private chat has the person's first name, a group its title."""
    kind = kind or chat_type(chat_id)
    found: dict[str, Any] = {"id": chat_id, "type": kind}
    if name is not None:
        found["first_name" if kind == "private" else "title"] = name
    return found


def chat_member(member: dict[str, Any], *, admin: bool) -> dict[str, Any]:
    """getChatMember's answer: an administrator (with the rights above) or a plain member."""
    if not admin:
        return {"status": "member", "user": member}
    return {"status": "administrator", "user": member, **_ADMIN_RIGHTS}
