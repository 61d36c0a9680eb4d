"""/settings offers only engines that can run here; a chat's stale choice is named in digests."""

from __future__ import annotations

from pathlib import Path

from bot.views.callbacks import SetOption, encode
from tests.bot.conftest import USER, make_settings, start_bot
from tests.summarizer.engines.test_locate import fake_hf_dir


def engine_row(call_params: dict[str, object]) -> list[str]:
    keyboard = call_params["reply_markup"]["inline_keyboard"]  # type: ignore[index]
    return [b["text"] for b in keyboard[2]]


async def test_abstractive_is_offered_only_when_its_model_is_here(tmp_path: Path) -> None:
    missing = make_settings(tmp_path, model=str(tmp_path / "no-model"))
    async with start_bot(missing) as h:
        await h.send("/settings")
        shown = h.api.of("sendMessage")[-1].params
        # One engine can run: no choice to offer, nor to name.
        assert "tự động" not in engine_row(shown) and "Cách tóm tắt" not in shown["text"]
    present = make_settings(tmp_path, model=str(fake_hf_dir(tmp_path / "vit5")))
    async with start_bot(present) as h:
        await h.send("/settings")
        assert engine_row(h.api.of("sendMessage")[-1].params) == [
            "✓ tự động", "trích câu từ bài", "viết lại (ViT5)"]


async def test_a_choice_that_cannot_run_is_said_in_settings_and_in_the_digest_footer(
    tmp_path: Path, article: str
) -> None:
    settings = make_settings(tmp_path, model=str(tmp_path / "no-model"))
    async with start_bot(settings) as h:
        await h.rt.store.chats.update_settings(USER, engine="abstractive")  # chosen long ago
        await h.send("/settings")
        shown = h.api.of("sendMessage")[-1]
        assert "Cách tóm tắt: viết lại (ViT5) chưa chạy được ở đây" in shown.params["text"]
        await h.send(article)
        await h.settle()
        (digest,) = h.digests()
        assert "fake · abstractive chưa chạy được ở đây ·" in digest  # engine used, then why
        await h.send("/show 1")  # the history keeps saying so
        assert "abstractive chưa chạy được ở đây" in h.texts()[-1]
        # An old button offering abstractive changes nothing.
        await h.rt.store.chats.update_settings(USER, engine="auto")
        await h.press(encode(SetOption("engine", "abstractive")),
                      message_id=shown.result["message_id"])
        assert (await h.rt.store.chats.settings(USER)).engine == "auto"
