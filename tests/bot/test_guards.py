"""Access control, abuse limits, duplicate updates and forged buttons."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from tests.bot.conftest import (
    GROUP,
    OTHER_USER,
    USER,
    Harness,
    client_split,
    make_settings,
    start_bot,
)


def started(settings: Any) -> contextlib.AbstractAsyncContextManager[Harness]:
    return start_bot(settings)


@pytest.fixture
async def guarded(tmp_path: Path) -> AsyncIterator[Harness]:
    """Only USER is allowed; USER is also the admin."""
    settings = make_settings(tmp_path, allowed_users=frozenset({USER}), admins=frozenset({USER}))
    async with started(settings) as h:
        yield h


async def nothing_stored(h: Harness, chat_id: int, user_id: int) -> None:
    store = h.rt.store
    assert await store.chats.fragments(chat_id, user_id) == []
    assert await store.jobs.queue_length() == 0
    assert (await store.digests.history(chat_id)).total == 0


async def test_refused_user_is_told_their_id_and_nothing_is_stored(
    guarded: Harness, article: str
) -> None:
    await guarded.send(article, chat_id=OTHER_USER, user_id=OTHER_USER)
    await guarded.settle()
    (reply,) = guarded.texts(OTHER_USER)
    assert f"<code>{OTHER_USER}</code>" in reply
    await nothing_stored(guarded, OTHER_USER, OTHER_USER)
    assert guarded.engine.calls == 0


async def test_allow_list_is_checked_on_the_user_in_groups(
    guarded: Harness, article: str
) -> None:
    await guarded.send("/summarize " + article, chat_id=GROUP, user_id=OTHER_USER)
    await guarded.settle()
    assert str(OTHER_USER) in guarded.texts(GROUP)[-1]
    await nothing_stored(guarded, GROUP, OTHER_USER)
    await guarded.send("/summarize " + article, chat_id=GROUP, user_id=USER)
    await guarded.settle()
    assert len(guarded.digests(GROUP)) == 1


async def test_allowed_chats_admit_members_of_that_group_only(
    tmp_path: Path, article: str
) -> None:
    settings = make_settings(tmp_path, allowed_chats=frozenset({GROUP}))
    async with started(settings) as h:
        await h.send("/summarize " + article, chat_id=GROUP, user_id=OTHER_USER)
        await h.send(article, chat_id=OTHER_USER, user_id=OTHER_USER)
        await h.settle()
        assert len(h.digests(GROUP)) == 1, (h.texts(GROUP), h.api.calls)
        assert str(OTHER_USER) in h.texts(OTHER_USER)[-1]


async def test_stats_for_admins_only(guarded: Harness, tmp_path: Path, article: str) -> None:
    await guarded.send(article)
    await guarded.settle()
    await guarded.send("/stats")
    stats = guarded.texts()[-1]
    assert "Bản tóm tắt: 1" in stats and "fake" in stats and "Hàng đợi: 0" in stats
    async with started(make_settings(tmp_path / "b")) as h:
        await h.send("/stats")
        assert "quản trị viên" in h.texts()[-1]


async def test_rate_limit_says_when_to_try_again(tmp_path: Path, article: str) -> None:
    settings = make_settings(tmp_path, rate_limit_count=2, rate_limit_window_s=60)
    async with started(settings) as h:
        for i in range(3):
            await h.send(article + f"\nBản tin số {i} cập nhật lúc sáng.")
            await h.settle()
        assert len(h.digests()) == 2
        assert "Hãy thử lại sau" in h.texts()[-1] and "giây" in h.texts()[-1]
        assert h.engine.calls == 2


async def test_pending_cap_and_queue_bound(tmp_path: Path, article: str) -> None:
    settings = make_settings(tmp_path, max_pending_per_user=1, queue_bound=2)
    async with started(settings) as h:
        h.engine.delay_s = 5.0
        await h.send(article)
        await h.settle_intake()
        await h.send(article + "\nThêm một dòng khác.")
        assert "đang có 1 bài chờ" in h.texts()[-1]
        await h.send(article + "\nBạn khác gửi.", chat_id=OTHER_USER, user_id=OTHER_USER)
        await h.settle_intake()
        third = 333
        await h.send(article + "\nNgười thứ ba.", chat_id=third, user_id=third)
        assert "quá tải" in h.texts(third)[-1]
        h.engine.release.set()
        await h.settle()
        assert len(h.digests(USER)) == 1 and len(h.digests(OTHER_USER)) == 1


async def test_duplicate_update_ids_are_ignored(harness: Harness, article: str) -> None:
    # A command is answered anew each time it is handled, so a re-delivery would show twice.
    command = harness.message("/help")
    await harness.feed({"message": command}, update_id=500)
    await harness.feed({"message": command}, update_id=500)
    assert len(harness.texts()) == 1 and "/history" in harness.texts()[0]
    message = harness.message(article)
    await harness.feed({"message": message}, update_id=501)
    await harness.feed({"message": message}, update_id=501)
    await harness.settle()
    assert len(harness.digests()) == 1
    assert harness.engine.calls == 1


@pytest.mark.parametrize("data", ["s:1;chat=-100500", "garbage", "s:99999", "q:0:~unknown"])
async def test_forged_or_stale_buttons_expire(harness: Harness, article: str, data: str) -> None:
    await harness.send(article, chat_id=GROUP)  # not addressed: nothing in the group
    await harness.send(article)
    await harness.settle()
    before = len(harness.texts())
    await harness.press(data, chat_id=OTHER_USER, user_id=OTHER_USER)
    answers = harness.api.of("answerCallbackQuery")
    assert answers  # every press is answered
    shown = " ".join([a.params.get("text", "") for a in answers] + harness.texts(OTHER_USER))
    assert "hết hạn" in shown
    assert len(harness.texts()) == before
    assert not any("→" in t for t in harness.texts(OTHER_USER))


async def test_clear_button_only_for_the_user_who_asked(harness: Harness, article: str) -> None:
    await harness.send(f"/summarize {article}", chat_id=GROUP)
    await harness.settle()
    await harness.send("/clear", chat_id=GROUP)  # a member who is no admin: refused, says why
    assert "chỉ quản trị viên" in harness.texts(GROUP)[-1]
    assert (await harness.rt.store.digests.history(GROUP)).total == 1
    harness.api.admins[GROUP] = {USER}
    harness.rt.admins.ttl_s = 0
    await harness.send("/clear", chat_id=GROUP)
    confirm = harness.api.of("sendMessage")[-1]
    data = confirm.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    mid = confirm.result["message_id"]
    await harness.press(data, chat_id=GROUP, user_id=OTHER_USER, message_id=mid)
    assert "người đã gõ lệnh" in harness.api.of("answerCallbackQuery")[-1].params["text"]
    assert (await harness.rt.store.digests.history(GROUP)).total == 1
    await harness.press(data, chat_id=GROUP, user_id=USER, message_id=mid)
    assert (await harness.rt.store.digests.history(GROUP)).total == 0
    assert "Đã xoá 1" in harness.texts(GROUP)[-1]


async def test_a_paste_past_the_limit_keeps_its_first_article_and_refuses_the_rest_once(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    pieces = client_split((fixtures_dir / "e2e_appointments.txt").read_text(encoding="utf-8"))
    limit = 6000  # each piece fits, the first two together don't
    assert len(pieces) == 3 and max(map(len, pieces)) < limit < len(pieces[0]) + len(pieces[1])
    settings = make_settings(tmp_path, max_article_chars=limit)
    async with started(settings) as h:
        for piece in pieces:  # the rest of the paste comes inside the merge window
            await h.send(piece)
        await h.settle()
        digests = h.digests()
        refusals = [t for t in h.texts() if "vượt quá" in t]
        assert len(digests) == 1 and h.engine.calls == 1  # the first piece, and only it
        assert len(refusals) == 1 and "2 tin" in refusals[0] and f"{limit:,}" in refusals[0]
        store = h.rt.store
        assert await store.chats.fragments(USER, USER) == []  # the rest was never written
        assert (await store.admin.size_report(USER))["jobs"] == 1
        await h.send(pieces[2])  # doing what the message says works
        await h.settle()
        assert len(h.digests()) == 2
