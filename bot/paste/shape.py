"""Whether a message looks like one piece of a paste that a Telegram client split.

Clients cut a paste longer than 4096 UTF-16 units at the last line break (or space) before the
limit, so every piece but the last lies within about a paragraph of 4096. A message well under
that is a whole message: an article, or a chat line, answered on its own.
"""

from __future__ import annotations

from bot.telegram_text import MESSAGE_LIMIT, telegram_length

# How far before the limit a client's cut may fall: the longest paragraph it backs up over.
# The split pieces of our own fixtures end 39 and 251 units before the limit.
CUT_SLACK = 800


def is_client_split(raw: str) -> bool:
    """Whether more of the same paste is likely to follow this message.

    Only the length tells: a client's cut may end at a sentence end (a paragraph break) and a
    whole article may end without one (a byline), so the text's last character decides nothing.
    """
    return telegram_length(raw.rstrip()) >= MESSAGE_LIMIT - CUT_SLACK
