"""Reading hostile HTML: the standard-library HTMLParser (the old extractor) vs bot.paste.html_text.

Each hostile pattern is read at two sizes; a linear reader takes about 2x for 2x the input, the
old one about 4x (quadratic). The baseline is the old extractor, measured in the same run; its
larger size is capped because it takes minutes at the bot's 1 MB document limit.

    PYTHONPATH=. python benchmarks/html_hostile.py [--kb 15]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from html.parser import HTMLParser

from bot.paste.html_text import visible_text

PATTERNS = {"attributes": "<a ", "comments": "<!--", "end_tags": "</"}
LIMIT_KB = 1000  # the bot's document limit: only the new reader is run at this size
ARTICLE = "<p>Ủy ban nhân dân tỉnh quyết định nâng cấp các tuyến đường liên xã.</p>"


class _OldTextOnly(HTMLParser):
    """The extractor this replaced: visible text collected by html.parser."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def old_visible_text(page: str) -> str:
    """The old extractor's core (block and skip handling do not change its cost)."""
    parser = _OldTextOnly()
    parser.feed(page)
    parser.close()
    return "".join(parser.parts)


def seconds(read: Callable[[str], str], page: str) -> float:
    """Wall time of one read."""
    started = time.perf_counter()
    read(page)
    return time.perf_counter() - started


def main() -> None:
    """Print, per pattern and size, both readers' times and the old/new ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kb", type=int, default=15, help="smaller size in KB (larger: 2x)")
    args = parser.parse_args()
    print(f"{'pattern':<11} {'KB':>4} {'html.parser s':>14} {'lxml s':>9} {'ratio':>8}")
    for name, unit in PATTERNS.items():
        for kb in (args.kb, 2 * args.kb):
            page = ARTICLE + unit * (kb * 1024 // len(unit))
            old, new = seconds(old_visible_text, page), seconds(visible_text, page)
            print(f"{name:<11} {kb:>4} {old:>14.3f} {new:>9.4f} {old / max(new, 1e-6):>8.0f}x")
        page = ARTICLE + unit * (LIMIT_KB * 1024 // len(unit))
        print(f"{name:<11} {LIMIT_KB:>4} {'(not run)':>14} {seconds(visible_text, page):>9.4f}")


if __name__ == "__main__":
    main()
