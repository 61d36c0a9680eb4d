"""Show what the cleaner and decision extractor make of the canonical pasted page.

Prints the title, paragraph and sentence counts, the article's last paragraph, whether any
teaser (another article after the byline) leaked in, and the decisions found.
Run: PYTHONPATH=. python benchmarks/seed_check.py --page ../shared/data/seed-page.txt
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from summarizer.cleaning import clean_page
from summarizer.decisions import extract_decisions

DEFAULT_PAGE = Path(__file__).resolve().parents[1] / "../shared/data/seed-page.txt"
# People named only in the seed page's teasers (issue 2): none may reach the article.
TEASER_PEOPLE = (
    "Nguyễn Minh Đương",
    "Lê Văn Sử",
    "Phạm Minh Chính",
    "Keir Starmer",
    "Donald Trump",
    "Anwar Ibrahim",
    "Ngô Phương Ly",
)


def main(argv: list[str] | None = None) -> int:
    """Print the cleaned seed page; exit 1 when a teaser leaked into the article."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", type=Path, default=DEFAULT_PAGE)
    args = parser.parse_args(argv)
    article = clean_page(args.page.read_text(encoding="utf-8"))
    text = article.title + "\n" + article.body
    leaked = [name for name in TEASER_PEOPLE if name in text]
    print(f"title: {article.title}")
    print(f"paragraphs: {len(article.paragraphs)}  sentences: {len(article.sentences)}")
    print(f"first: {article.paragraphs[0][:100]}")
    print(f"last:  {article.paragraphs[-1][-100:]}")
    print(f"teaser people leaked: {', '.join(leaked) or 'none'}")
    for decision in extract_decisions(article, ()):
        print(f"decision: {decision.text}")
    return 1 if leaked else 0


if __name__ == "__main__":
    sys.exit(main())
