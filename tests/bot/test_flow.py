"""The main user journeys: paste → one digest; history; search; escaping."""

from __future__ import annotations

from tests.bot.conftest import USER, Harness


def split3(text: str) -> list[str]:
    third = len(text) // 3
    cut1 = text.index(" ", third)
    cut2 = text.index(" ", 2 * third)
    return [text[:cut1], text[cut1:cut2], text[cut2:]]


async def test_three_fragment_paste_gives_one_digest(harness: Harness, article: str) -> None:
    for part in split3(article):
        await harness.send(part)
    await harness.settle()
    digests = harness.digests()
    assert len(digests) == 1
    assert "#1" in digests[0]
    job_texts = [c.params["text"] for c in harness.api.of("sendMessage")]
    assert not any("ngắn quá" in t for t in job_texts)  # the short last fragment is no hint
