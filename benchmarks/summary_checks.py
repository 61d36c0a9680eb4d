"""Counts of what makes a summary untrustworthy, over a dataset, at each length.

Usage: PYTHONPATH=. python benchmarks/summary_checks.py --dataset ../shared/data/vietnews-dev.jsonl
       [--heldout] [--limit N] [--baseline-ref REF] [--show 3]

Per length: (1) of the summaries that use the lead sentence when the lead has a date or time
phrase (`Sáng 13/6`, `ngày 23-7`, `hôm qua` …), how many keep that phrase; (2) summaries whose
first sentence is the title; (3) caption or credit markers (`Ảnh:`, `(Ảnh …)`, `Nguồn:`, `(trái)`,
a capitalised credit glued to the next word as in `QUANG ĐỊNHSáng`); (4) summary sentences with
no verb, a HEURISTIC: none of the predicate words of summarizer/data/verbs.txt, or, outside a
quotation, a verb of saying followed by at most three words (`… cho biết năm 2001.`); the
engine filters with the same word list, so read the examples (`--show`) too; (5) sentences
opening on a back-reference (benchmarks/data/back_references.txt) that do not follow, in the
summary, the article sentence they lean on. With all three lengths, whether they nest
(benchmarks/nesting_checks.py).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.engine_runs import Row, Shown, dataset, shown_at, shown_now
from benchmarks.engine_runs import which_sample as _which
from summarizer.cleaning import clean_page
from summarizer.digest import Article
from summarizer.sentences import split_sentences
from summarizer.textnorm import fold_tones, syllables

DATA = Path(__file__).parent / "data"
VERBS = Path(__file__).resolve().parents[1] / "summarizer" / "data" / "verbs.txt"
_TIME = (
    r"(?:rạng\s+)?(?:sáng|trưa|chiều|tối|đêm|khuya|ngày|hôm)\s+(?:nay|qua|mai|\d{1,2}(?:[/-]\d{1,2}"
    r"(?:[/-]\d{2,4})?)?)|\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?|hôm qua|hôm nay|tuần (?:qua|trước)|"
    r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ nhật)(?:\s+\(?\d{1,2}[/-]\d{1,2}\)?)?"
)
DATE = re.compile(rf"\b(?:{_TIME})\b", re.IGNORECASE)
_UPPER = "".join(c for c in map(chr, range(0x41, 0x1EFA)) if c.isalpha() and c.isupper())
_LOWER = "".join(c for c in map(chr, range(0x61, 0x1EFA)) if c.isalpha() and c.islower())
CAPTION = re.compile(
    r"\bảnh\s*:|\(\s*ảnh\b|\bảnh\s+minh\s+h|\b(?:nguồn|video|clip|photo|đồ\s+h[oọ]a)\s*:"
    r"|\((?:từ\s+)?(?:trái|phải|giữa)(?:\s+sang\s+(?:trái|phải))?\)"
    rf"|(?-i:[{_UPPER}]{{4,}}[{_LOWER}])",
    re.IGNORECASE,
)
_DATE_ONLY = r"\s+(?:vào\s+)?(?:năm|ngày|tháng|hôm)?\s*[\d/\-]+"
_SAY_THEN_DATE = re.compile(
    r"\b(?:(?:cho biết|cho hay|cho rằng|khẳng định|tiết lộ)(?:\s+\S+){0,3}"
    rf"|(?:nói|kể){_DATE_ONLY})\s*[.!?…]*$",
    re.IGNORECASE,
)


def _word_list(path: Path) -> list[str]:
    lines = path.read_text("utf-8").splitlines()
    return [fold_tones(x.strip()) for x in lines if x.strip() and not x.startswith("#")]


_VERB_WORDS = _word_list(VERBS)
_VERB = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, _VERB_WORDS)) + r")(?!\w)")
_BACKREF_WORDS = _word_list(DATA / "back_references.txt")
_BACKREF = re.compile(r"^[\"“]?(?:" + "|".join(map(re.escape, _BACKREF_WORDS)) + r")(?=[\s,])")


def summary_sentences(summary: str) -> list[str]:
    """The summary's sentences, split as the pipeline splits an article."""
    return [s.strip() for s in split_sentences(summary) if s.strip()]


def lacks_verb(sentence: str) -> bool:
    """Heuristic: no predicate word at all, or a verb of saying with only a date after it."""
    folded = fold_tones(sentence)
    # A quotation closed by its speaker ("“…”, ông A cho biết.") says what was said.
    quoted = any(q in sentence for q in "\"“”:")
    return not _VERB.search(folded) or (not quoted and bool(_SAY_THEN_DATE.search(sentence)))


def _tokens(text: str) -> list[str]:
    return syllables(fold_tones(text))


def source_index(sentence: str, article: Article) -> int:
    """The article sentence a summary sentence was most likely taken from (-1: none)."""
    words = set(_tokens(sentence))
    if not words:
        return -1
    shares = [len(words & set(_tokens(s))) / len(words) for s in article.sentences]
    best = max(range(len(shares)), key=shares.__getitem__, default=-1)
    return best if best >= 0 and shares[best] >= 0.8 else -1


def _is_title(sentence: str, title: str) -> bool:
    a, b = Counter(_tokens(sentence)), Counter(_tokens(title))
    overlap = sum((a & b).values())
    return bool(a and b) and 2 * overlap / (sum(a.values()) + sum(b.values())) >= 0.8


@dataclass
class Tally:
    """Counts for one system at one length."""

    summaries: int = 0
    sentences: int = 0
    lead_dated_used: int = 0
    date_kept: int = 0
    title_first: int = 0
    captions: int = 0
    verbless: int = 0
    backrefs: int = 0

    def line(self, name: str) -> str:
        kept = f"{self.date_kept}/{self.lead_dated_used}"
        share = 100 * self.date_kept / self.lead_dated_used if self.lead_dated_used else 100.0
        verbless = 100 * self.verbless / max(1, self.sentences)
        return (f"{name:22s} {kept:>9s} {share:5.1f}% {self.title_first:6d} {self.captions:8d}"
                f" {self.verbless:5d} {verbless:4.1f}% {self.backrefs:7d} {self.sentences:6d}")


def check(article: Article, summary: str, tally: Tally, show: list[str]) -> None:
    """Add one summary's findings to the tally; note examples in `show`."""
    sentences = summary_sentences(summary)
    tally.summaries += 1
    tally.sentences += len(sentences)
    sources = [source_index(s, article) for s in sentences]
    lead = article.sentences[0] if article.sentences else ""
    date = DATE.search(lead)
    if date and 0 in sources:
        tally.lead_dated_used += 1
        if fold_tones(date.group(0)) in fold_tones(summary):
            tally.date_kept += 1
        else:
            show.append(f"date {date.group(0)!r} dropped: {summary[:160]}")
    if sentences and _is_title(sentences[0], article.title):
        tally.title_first += 1
        show.append(f"title first: {sentences[0][:120]}")
    if CAPTION.search(summary):
        tally.captions += 1
        show.append(f"caption: {summary[:160]}")
    for i, sentence in enumerate(sentences):
        if lacks_verb(sentence):
            tally.verbless += 1
            show.append(f"no verb: {sentence}")
        if _BACKREF.match(fold_tones(sentence)):
            before = sources[i - 1] if i else -2
            if sources[i] <= 0 or before != sources[i] - 1:
                tally.backrefs += 1
                show.append(f"back-reference: {sentence[:120]}")


def tally(rows: list[Row], shown: list[Shown], show: int) -> Tally:
    """The counts of one system over the dataset; print up to `show` examples."""
    out = Tally()
    examples: list[str] = []
    for row, digest in zip(rows, shown, strict=True):
        check(clean_page(row["text"]), digest.summary, out, examples)
    for line in examples[:show]:
        print("   ", line)
    return out


def main() -> None:
    """Print one line of counts per length (and per baseline ref)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dataset", type=Path, default=Path("../shared/data/vietnews-dev.jsonl"))
    parser.add_argument("--heldout", action="store_true")
    parser.add_argument("--devsample", action="store_true",
                        help="the training sample the scorer is not fitted on (tune here)")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--lengths", default="short,medium,long")
    parser.add_argument("--baseline-ref", default="")
    parser.add_argument("--show", type=int, default=0, help="print up to N examples per system")
    args = parser.parse_args()
    rows = dataset(args.dataset, args.heldout, args.limit, args.devsample)
    lengths = [x for x in args.lengths.split(",") if x]
    before = shown_at(args.baseline_ref, rows, lengths) if args.baseline_ref else {}
    print(f"{len(rows)} articles from {args.dataset}{_which(args.heldout, args.devsample)}")
    results: list[tuple[str, Tally]] = []
    now: dict[str, list[Shown]] = {}
    for length in lengths:
        if length in before:
            name = f"{length}@{args.baseline_ref}"[:22]
            results.append((name, tally(rows, before[length], args.show)))
        now[length] = shown_now(rows, length)
        results.append((f"{length}", tally(rows, now[length], args.show)))
    print(f"{'system':22s} {'date kept':>9s} {'':6s} {'title1':>6s} {'captions':>8s}"
          f" {'noverb':>5s} {'':5s} {'backref':>7s} {'sents':>6s}")
    for name, counts in results:
        print(counts.line(name))
    if set(now) >= {"short", "medium", "long"}:
        from benchmarks.nesting_checks import NESTING_HEADER, nesting  # it reads this module
        print(NESTING_HEADER)
        if before:
            print(nesting(rows, before).line(f"@{args.baseline_ref}"[:22]))
        print(nesting(rows, now).line("this checkout"))


if __name__ == "__main__":
    main()
