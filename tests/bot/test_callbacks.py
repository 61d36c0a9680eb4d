"""Button payloads: compact, round-trip, and anything forged is rejected."""

from __future__ import annotations

import pytest

from bot.views.callbacks import (
    ClearAnswer,
    DeleteDigest,
    HistoryNav,
    Original,
    Resummarize,
    SearchNav,
    SetOption,
    Show,
    decode,
    encode,
    fits,
)


@pytest.mark.parametrize("action", [
    Show(12), HistoryNav(before=7), HistoryNav(after=3), SearchNav("q", 5, "ngan sach"),
    SearchNav("o", 0, "Nguyễn Văn A"), ClearAnswer(True, 123456789), SetOption("length", "long"),
    SetOption("language", "auto"), SetOption("engine", "extractive"),
    SetOption("timezone", "America/Argentina/ComodRivadavia"), SetOption("close", "x"),
    Resummarize(999_999_999, "short"), Resummarize(1, "long"), Original(7), DeleteDigest(7),
    DeleteDigest(7, True), DeleteDigest(7, False),
])
def test_round_trip_within_64_bytes(action: object) -> None:
    data = encode(action)  # type: ignore[arg-type]
    assert len(data.encode()) <= 64
    assert decode(data) == action


@pytest.mark.parametrize("data", [
    None, "", "s:", "s:-1", "s:0", "s:1;DROP", "s:99999999999", "h:x:1", "c:y:abc",
    "t:l:huge", "t:g:fr", "t:e:gpt", "zz", "s:1:chat=-100", "x" * 65, "q:1:", "s:01",
    "r:1:x", "r:0:s", "r:1:long", "a:", "a:-3", "x:1:maybe", "x:1:y:2", "t:z:Mars/Base",
    "t:z:../../etc", "t:k:y",
])
def test_forged_payloads_are_rejected(data: str | None) -> None:
    assert decode(data) is None


def test_long_queries_do_not_fit() -> None:
    assert fits("ngan sach")
    assert not fits("đường " * 20)
    with pytest.raises(ValueError):
        encode(SearchNav("q", 0, "đường " * 20))
