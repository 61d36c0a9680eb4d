"""Limits that cannot be walked around: re-sends, button presses and floods all count."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.services.quota import BurstGate
from tests.bot.conftest import USER, make_settings, start_bot

FORWARDED: dict[str, Any] = {"forward_origin": {"type": "hidden_user",
                                                "sender_user_name": "Báo Sáng", "date": 0}}


def refusals(texts: list[str]) -> list[str]:
    return [t for t in texts if "gửi hơi nhanh" in t or "bài chờ" in t]


async def test_re_sending_a_known_article_counts_against_the_rate_limit(
    tmp_path: Path, article: str
) -> None:
    async with start_bot(make_settings(tmp_path, rate_limit_count=3)) as h:
        await h.send(article)
        await h.settle()
        for _ in range(30):
            await h.send(article)
        await h.settle()
        # 1 digest, then 2 re-sends allowed (the note and the digest, one message), one refusal.
        assert len(h.digests()) == 3
        assert len(refusals(h.texts())) == 1
        assert len(h.texts()) == 1 + 2 + 1


async def test_button_presses_are_throttled_without_messages(
    tmp_path: Path, article: str
) -> None:
    async with start_bot(make_settings(tmp_path, rate_limit_count=3)) as h:
        await h.send(article)
        await h.settle()
        for _ in range(200):
            await h.press("s:1")
        assert len(h.digests()) == 1 + 2  # the rate limit left room for two
        toasts = [a.params.get("text", "") for a in h.api.of("answerCallbackQuery")]
        assert len(toasts) == 200  # every press is answered…
        assert sum("gửi hơi nhanh" in t for t in toasts) == 198  # …most with a toast only


async def test_a_flood_of_articles_gets_one_refusal(
    tmp_path: Path, article: str
) -> None:
    async with start_bot(make_settings(tmp_path, rate_limit_count=5,
                                       max_pending_per_user=50)) as h:
        for i in range(50):
            await h.send(f"{article}\nBản tin số {i}.", **FORWARDED)
        await h.settle()
        assert len(h.digests()) == 5
        assert len(refusals(h.texts())) == 1
        assert (await h.rt.store.digests.history(USER)).total == 5


def test_a_refusal_is_told_once_per_burst() -> None:
    now = [0.0]
    gate = BurstGate(gap_s=5.0, clock=lambda: now[0])
    told = []
    for t in (0.0, 1.0, 4.0, 8.5, 20.0, 21.0):
        now[0] = t
        told.append(gate.first(1, 1))
    assert told == [True, False, False, False, True, False]
    assert gate.first(1, 2)  # another user's burst is their own


async def test_show_commands_count_against_the_rate_limit(tmp_path: Path, article: str) -> None:
    async with start_bot(make_settings(tmp_path, rate_limit_count=3)) as h:
        await h.send(article)
        await h.settle()
        for _ in range(20):
            await h.send("/show 1")
        assert len(h.digests()) == 1 + 2
        assert len(refusals(h.texts())) == 1
