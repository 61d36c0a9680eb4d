"""Which messages wait for more of the same paste."""

from __future__ import annotations

from bot.paste.shape import is_client_split
from bot.telegram_text import MESSAGE_LIMIT, prefix_within, telegram_length


def test_a_piece_cut_near_the_limit_waits_for_the_rest() -> None:
    piece = ("Ủy ban nhân dân tỉnh họp bàn kế hoạch năm tới. " * 90)[:MESSAGE_LIMIT - 30]
    assert is_client_split(piece)
    assert is_client_split(piece.rstrip() + ".")  # a cut at a paragraph end is still a cut


def test_whole_articles_and_chat_lines_are_whole_messages() -> None:
    assert not is_client_split("tóm tắt giúp mình bài này nhé")
    article = "Sáng nay, Hội đồng nhân dân thành phố khai mạc kỳ họp thứ mười. " * 30  # ≈ 2k chars
    assert not is_client_split(article)
    assert not is_client_split(article.rstrip(". ") + " Theo PV")  # no sentence end: still whole


def test_length_is_counted_as_telegram_does() -> None:
    assert telegram_length("Hà Nội 📰") == 9  # the emoji counts twice
    assert prefix_within("Hà Nội 📰", 8) == "Hà Nội "  # never half an emoji
    assert prefix_within("Hà Nội 📰", 9) == "Hà Nội 📰"
