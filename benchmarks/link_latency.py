"""A link's digest: how soon after the page is served on loopback, against pasting the same text.

Usage: PYTHONPATH=. nice -n 10 python benchmarks/link_latency.py [--rounds 4] [--merge-window 0.3]

The real `tomtat run` process (extractive engine) polls the stub Bot API; the test news site
(tests/support: two national dailies, a provincial paper, an AMP copy, a windows-1258 page) runs
on 127.0.0.1 with TOMTAT_FETCH_ALLOW_PRIVATE=1. Each round sends every page's link in a fresh
chat, then pastes the same article's text in another fresh chat (the same-run baseline), one at a
time. Printed per kind: median and max seconds from the update being available to the digest
reaching the stub, and for links the part after the page was served (target: under 1 s).
A paste waits out the merge window before it is queued (a link does not): the window is shown.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.support.link_site import AMP, EXPRESS, LEGACY, NATIONAL, PROVINCIAL, news_site
from tests.support.news_pages import articles
from tests.support.stub_api import StubBotApi
from tests.support.stub_api.process import BotProcess
from tests.support.web_server import WebServer

FOOTER = re.compile(r"→ \d+ (?:từ|words) · #\d+")  # in the HTML the bot sent
PAGES = ((NATIONAL, 0), (PROVINCIAL, 1), (AMP, 0), (LEGACY, 2), (EXPRESS, 2))


async def digest_after(stub: StubBotApi, chat: int, text: str) -> tuple[float, float]:
    """Push `text` in `chat`; (when it was pushed, when its digest reached the stub)."""
    stub.push_text(chat, None, text)
    pushed = stub.pushed_at[max(stub.pushed_at)]
    call = await stub.wait_for(lambda: next(
        (c for c in stub.calls if c.chat_id == chat and c.method in ("sendMessage",
                                                                      "editMessageText")
         and FOOTER.search(str(c.params.get("text", "")))), None), timeout=60)
    return pushed, call.at


def served_at(site: WebServer, path: str, after: float) -> float:
    """When the server finished sending `path` (the first time after `after`)."""
    return min(t for p, t in site.served if p == path and t >= after)


async def run(rounds: int, merge_window: float) -> None:
    texts = [a.pasted for a in articles()]
    link_s: list[float] = []
    after_served_s: list[float] = []
    paste_s: list[float] = []
    with news_site() as site, tempfile.TemporaryDirectory() as tmp:
        env = {"TOMTAT_FETCH_ALLOW_PRIVATE": "1", "TOMTAT_ENGINE": "extractive",
               "TOMTAT_MERGE_WINDOW": str(merge_window), "TOMTAT_RATE_LIMIT": "1000",
               "TOMTAT_MAX_PENDING": "50"}
        async with StubBotApi() as stub:
            proc = BotProcess(stub, Path(tmp), env=env)
            await proc.start()
            try:
                chat = 20_000
                await digest_after(stub, chat, texts[0])  # warm-up: first digest loads models
                for _ in range(rounds):
                    for path, index in PAGES:
                        chat += 1
                        pushed, done = await digest_after(stub, chat, site.url(path))
                        link_s.append(done - pushed)
                        after_served_s.append(done - served_at(site, path, pushed))
                        chat += 1
                        pushed, done = await digest_after(stub, chat, texts[index])
                        paste_s.append(done - pushed)
            finally:
                await proc.stop()
    report(link_s, after_served_s, paste_s, merge_window)
    print("link, page served -> digest, by page (round 1 first):")
    for i, (path, _) in enumerate(PAGES):
        print(f"  {path[:48]:<48} " + " ".join(f"{s:.3f}" for s in after_served_s[i::len(PAGES)]))


def report(link_s: list[float], after_served_s: list[float], paste_s: list[float],
           merge_window: float) -> None:
    def line(name: str, values: list[float]) -> str:
        return (f"{name:<34} median {statistics.median(values):6.3f} s   "
                f"max {max(values):6.3f} s   (n={len(values)})")

    print(line("link: update -> digest", link_s))
    print(line("link: page served -> digest", after_served_s))
    print(line(f"paste (merge window {merge_window:g} s)", paste_s))
    paste_work = [s - merge_window for s in paste_s]
    print(line("paste minus its merge window", paste_work))
    ratio = statistics.median(link_s) / statistics.median(paste_work)
    print(f"link / paste-without-window (median): {ratio:.2f}x")
    verdict = "met" if max(after_served_s) < 1.0 else "MISSED"
    print(f"target: digest within 1 s of the page being served — {verdict} "
          f"(worst {max(after_served_s):.3f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=4, help="times each page is sent")
    parser.add_argument("--merge-window", type=float, default=0.3, help="TOMTAT_MERGE_WINDOW")
    args = parser.parse_args()
    asyncio.run(run(args.rounds, args.merge_window))


if __name__ == "__main__":
    main()
