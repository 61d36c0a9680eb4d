"""Whether Short, Medium and Long nest: what a reader pressing a longer length still sees.

Per system, over a dataset: (1) Long lacking the article's lead, the first of its first three
sentences a summary may use (by the engine's rules: a verb and a trusted form, standing alone,
no caption; not the title), found in Long as it is or trimmed (8 of its syllables in a row);
a lead too long to fit Long's budget beside Medium's summary is counted apart (`too long`);
(2) Short's and (3) Medium's first sentence absent from Long (neither it nor a longer form:
80 % of its syllables in one Long sentence).
"""

from __future__ import annotations

from dataclasses import dataclass

from benchmarks.engine_runs import Row, Shown
from benchmarks.summary_checks import CAPTION, _is_title, _tokens, lacks_verb, summary_sentences
from summarizer.cleaning import clean_page
from summarizer.digest import Article, Length
from summarizer.engines.coherence import standalone
from summarizer.engines.faithful import trusted_variants, without_captions
from summarizer.engines.features import paragraph_index
from summarizer.textnorm import count_words

# Syllables in a row that say a summary has the lead.
_RUN = 8
# Long's lead baseline is Title+Lead-3: its lead is the first usable of these sentences.
LEAD_SENTENCES = 3
NESTING_HEADER = (
    f"\n{'nesting':22s} {'L-lead':>6s} {'S∉L':>6s} {'M∉L':>6s} {'of':>6s} {'too long':>8s}"
)


@dataclass
class Nesting:
    """Where a longer summary of one system is not the shorter one with more added."""

    articles: int = 0
    long_lacks_lead: int = 0
    # Leads Long lacks that do not fit its word budget beside Medium's summary.
    lead_too_long: int = 0
    short_start_lost: int = 0
    medium_start_lost: int = 0

    def line(self, name: str) -> str:
        return (f"{name:22s} {self.long_lacks_lead:6d} {self.short_start_lost:6d}"
                f" {self.medium_start_lost:6d} {self.articles:6d} {self.lead_too_long:8d}")


def _within(sentence: str, summary: str) -> bool:
    """Whether a sentence, or its longer form (80 % of its syllables in one sentence), is there."""
    words = set(_tokens(sentence))
    return any(len(words & set(_tokens(s))) >= 0.8 * len(words) for s in summary_sentences(summary))


def _has_lead(lead: str, summary: str) -> bool:
    """Whether the summary has the lead or a trimmed form of it: a run of its syllables."""
    # A trim keeps runs of the sentence (no time clause, no bracket, no tail): eight syllables
    # in a row are the lead's, whatever the sentence splitter makes of the summary.
    words, said = _tokens(lead), _tokens(summary)
    size = min(_RUN, len(words))
    runs = {tuple(said[i : i + size]) for i in range(len(said) - size + 1)}
    return any(tuple(words[i : i + size]) in runs for i in range(len(words) - size + 1))


def _usable_lead(article: Article) -> str | None:
    """The first of the article's first three sentences a summary may use (by the engine's rules:
    it has a verb and a trusted form, stands alone, no caption), unless it is the title."""
    # As the engine reads the article: a caption before its credit is no lead.
    sentences = without_captions(list(article.sentences))
    alone = standalone(sentences, paragraph_index(article.paragraphs, sentences))
    for sentence, ok in zip(sentences[:LEAD_SENTENCES], alone, strict=False):
        if (
            ok
            and not (lacks_verb(sentence) or CAPTION.search(sentence))
            and trusted_variants(sentence, lead=True)
        ):
            return None if _is_title(sentence, article.title) else sentence
    return None


def nesting(rows: list[Row], by_length: dict[str, list[Shown]]) -> Nesting:
    """Long lacking the lead; Short's and Medium's first sentence absent from Long."""
    out = Nesting()
    for i, row in enumerate(rows):
        short, medium, long = (by_length[n][i].summary for n in ("short", "medium", "long"))
        lead = _usable_lead(clean_page(row["text"]))
        out.articles += 1
        if lead and not _has_lead(lead, long):
            fits = count_words(lead) + count_words(medium) <= Length.LONG.word_budget
            out.long_lacks_lead += fits
            out.lead_too_long += not fits
        out.short_start_lost += not _within((summary_sentences(short) or [""])[0], long)
        out.medium_start_lost += not _within((summary_sentences(medium) or [""])[0], long)
    return out
