"""Officials extraction against the annotated dev articles and the seed page; prints figures.

Usage: python benchmarks/officials_eval.py --dataset ../shared/data/officials-dev.jsonl \
           --seed ../shared/data/seed-page.txt [--ner] [--verbose]

Scoring follows ../shared/data/README.md: names compared after NFC, lower-casing and tone
folding; a position is right when its syllables overlap a gold position with F1 >= 0.5.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.rouge import overlap_f1
from benchmarks.seed_check import TEASER_PEOPLE
from summarizer.cleaning import clean_page
from summarizer.officials import extract_officials
from summarizer.textnorm import count_words, fold_tones

SEED_OFFICIALS = (
    "Lữ Văn Hùng",
    "Nguyễn Hồ Hải",
    "Huỳnh Quốc Việt",
    "Phạm Văn Thiều",
    "Phạm Thành Ngại",
    "Hồ Trung Việt",
    "Tô Lâm",
)


def name_key(name: str) -> str:
    """Names compare after NFC, lower case and tone folding; spacing is ignored."""
    return " ".join(fold_tones(name).split())


def positions_right(pred: tuple[str, ...], gold: list[str]) -> tuple[bool, bool]:
    """(strict, lenient): every predicted position matches gold and one does / any one does."""
    hits = [any(overlap_f1(p, g) >= 0.5 for g in gold) for p in pred]
    return bool(hits) and all(hits), any(hits)


def evaluate_dev(path: Path, verbose: bool) -> None:
    """Names P/R/F1, position accuracy and agreement on the most important official."""
    tp = fp = fn = strict = lenient = top1 = 0
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    for row in rows:
        article = clean_page(row["text"])
        officials = extract_officials(article)
        pred = {name_key(o.name): o for o in officials}
        gold = {name_key(g["name"]): g for g in row["officials"]}
        tp += len(pred.keys() & gold.keys())
        fp += len(pred.keys() - gold.keys())
        fn += len(gold.keys() - pred.keys())
        for key in pred.keys() & gold.keys():
            s, le = positions_right(pred[key].titles, gold[key]["titles"])
            strict += s
            lenient += le
            if verbose and not s:
                print(f"  position {row['id']}: {pred[key].titles} vs {gold[key]['titles']}")
        if officials and name_key(officials[0].name) == name_key(row.get("main_official") or ""):
            top1 += 1
        if verbose:
            for key in pred.keys() - gold.keys():
                print(f"  extra    {row['id']}: {pred[key].name} {pred[key].titles}")
            for key in gold.keys() - pred.keys():
                print(f"  missing  {row['id']}: {gold[key]['name']} {gold[key]['titles']}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"dev articles: {len(rows)}  gold officials: {tp + fn}  predicted: {tp + fp}")
    print(f"names: P={precision:.3f} R={recall:.3f} F1={f1:.3f}  (target F1 >= 0.95)")
    print(
        f"positions right (all predicted positions overlap gold, F1>=0.5): {strict}/{tp}"
        f" = {strict / tp if tp else 0:.1%}  (target >= 90%);"
        f" at least one right: {lenient}/{tp} = {lenient / tp if tp else 0:.1%}"
    )
    print(f"most important official = annotated main official: {top1}/{len(rows)}")


def evaluate_seed(path: Path) -> None:
    """Exact set of officials on the seed page, and no teaser leaking in."""
    officials = extract_officials(clean_page(path.read_text(encoding="utf-8")))
    got = {name_key(o.name) for o in officials}
    want = {name_key(n) for n in SEED_OFFICIALS}
    leaked = [n for n in TEASER_PEOPLE if name_key(n) in got]
    print("seed page officials:")
    for official in officials:
        print(f"  {official.name}: {'; '.join(official.titles)}")
    missing = [n for n in SEED_OFFICIALS if name_key(n) not in got]
    extra = [o.name for o in officials if name_key(o.name) not in want]
    exact = not missing and not extra
    print(
        f"seed page exact: {'YES' if exact else 'NO'}  missing={missing} extra={extra}"
        f" teaser names leaked={leaked}"
    )


def per_thousand_words(texts: list[str], run: object, repeats: int) -> list[float]:
    """Milliseconds per 1,000 words for each text (best of `repeats`)."""
    out = []
    for text in texts:
        words = max(count_words(text), 1)
        best = float("inf")
        for _ in range(repeats):
            started = time.perf_counter()
            run(text)  # type: ignore[operator]
            best = min(best, time.perf_counter() - started)
        out.append(best * 1000 * 1000 / words)
    return out


def timing(texts: list[str], with_ner: bool) -> None:
    """Median cost of officials extraction after warm-up, as a ratio of cleaning the same page."""
    article_of = {t: clean_page(t) for t in texts}
    extract_officials(article_of[texts[0]])  # warm-up: word lists, caches

    def rules(text: str) -> None:
        extract_officials(article_of[text])

    ms = statistics.median(per_thousand_words(texts, rules, repeats=3))
    base = statistics.median(per_thousand_words(texts, clean_page, repeats=3))
    print(
        f"officials extraction: median {ms:.1f} ms per 1,000 words over {len(texts)} articles"
        f" after warm-up = {ms / base:.2f}x clean_page on the same pages ({base:.1f} ms)"
    )
    if with_ner:
        started = time.perf_counter()
        from underthesea import ner

        ner("Ông Nguyễn Văn An.")
        print(f"underthesea.ner import + first call: {time.perf_counter() - started:.2f} s")

        def crf(text: str) -> None:
            for sentence in article_of[text].sentences:
                ner(sentence)

        ner_ms = statistics.median(per_thousand_words(texts, crf, repeats=1))
        print(
            f"underthesea.ner over the same sentences: median {ner_ms:.1f} ms per 1,000 words"
            f" = {ner_ms / ms:.0f}x the rules"
        )


def fresh_process(seed: Path) -> None:
    """Seconds a fresh interpreter needs to import the extractor and read the seed page."""
    code = (
        "import time; t = time.perf_counter()\n"
        "from summarizer.cleaning import clean_page\n"
        "from summarizer.officials import extract_officials\n"
        f"extract_officials(clean_page(open({str(seed)!r}, encoding='utf-8').read()))\n"
        "print(f'{time.perf_counter() - t:.3f}')"
    )
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    print(f"fresh process, import + first seed page: {float(out.stdout):.2f} s")


def jsonl_texts(path: Path, limit: int) -> list[str]:
    """The `text` of the first `limit` rows of a JSONL file."""
    with path.open(encoding="utf-8") as rows:
        return [json.loads(line)["text"] for line, _ in zip(rows, range(limit), strict=False)]


def main() -> None:
    """Run every evaluation and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=Path("../shared/data/officials-dev.jsonl"))
    parser.add_argument("--seed", type=Path, default=Path("../shared/data/seed-page.txt"))
    parser.add_argument("--ner", action="store_true", help="also time underthesea's CRF NER")
    parser.add_argument("--verbose", action="store_true", help="list every error")
    parser.add_argument(
        "--timing-dataset",
        type=Path,
        default=Path("../shared/data/vietnews-dev.jsonl"),
        help="articles to time on (the annotated ones when missing)",
    )
    parser.add_argument("--timing-limit", type=int, default=100)
    args = parser.parse_args()
    evaluate_dev(args.dataset, args.verbose)
    evaluate_seed(args.seed)
    if args.timing_dataset.exists():
        texts = jsonl_texts(args.timing_dataset, args.timing_limit)
    else:
        texts = jsonl_texts(args.dataset, args.timing_limit)
    timing(texts, args.ner)
    fresh_process(args.seed.resolve())


if __name__ == "__main__":
    main()
