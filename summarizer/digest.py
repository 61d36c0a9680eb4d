"""Domain values the summarizer hands to the rest of the product."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from summarizer import notes
from summarizer.notes import Note
from summarizer.textnorm import lower_unify_tones


class Length(StrEnum):
    """How long a summary the reader wants."""

    SHORT = "short"
    MEDIUM = "medium"
    LONG = "long"

    @property
    def word_budget(self) -> int:
        """Approximate number of words (syllables) the summary may use."""
        return {"short": 40, "medium": 70, "long": 120}[self.value]


@dataclass(frozen=True)
class Article:
    """The main article of a pasted page, clutter removed, in the article's own spelling."""

    title: str
    paragraphs: tuple[str, ...]
    sentences: tuple[str, ...] = ()

    @property
    def body(self) -> str:
        """The body as one text, paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True)
class Official:
    """A named person holding a position, with every position the article gives."""

    name: str
    titles: tuple[str, ...]


@dataclass(frozen=True)
class Decision:
    """A decision, directive, request or sanction reported by the article."""

    text: str
    actor: str | None = None

    def actor_to_show(self, officials: Sequence[Official] = ()) -> str | None:
        """The actor to print beside the clause; None when the clause already opens with it,
        after a title too (the bot's bold actor and the Markdown export both use this)."""
        if not self.actor:
            return None
        # `Thủ tướng Nguyễn Văn A yêu cầu …` opens with its actor even after a title.
        head = " ".join(self.text.split()[: len(self.actor.split()) + 4])
        if lower_unify_tones(self.actor) in lower_unify_tones(head):
            return None
        # A title longer than four words: `Giám đốc Sở … tỉnh Lào Cai Đỗ Minh Hải nói …`.
        folded = lower_unify_tones(self.text)
        for official in officials:
            if official.name == self.actor and any(
                folded.startswith(lower_unify_tones(f"{title} {self.actor}"))
                for title in official.titles
            ):
                return None
        return self.actor


@dataclass(frozen=True)
class Digest:
    """What the reader gets back for one article."""

    title: str
    summary: str
    officials: tuple[Official, ...]
    decisions: tuple[Decision, ...]
    engine: str
    model: str | None
    input_words: int
    summary_words: int
    elapsed_ms: int
    fallback: bool = False
    notes: tuple[str, ...] = field(default=())  # stored forms: summarizer/notes.py

    def typed_notes(self) -> tuple[Note, ...]:
        """The notes as typed values (stored forms this version does not know are left out)."""
        return tuple(n for n in map(notes.decode, self.notes) if n is not None)

    def with_note(self, note: Note) -> Digest:
        """The digest with `note`, replacing any note of the same kind."""
        kept = tuple(c for c in self.notes if type(notes.decode(c)) is not type(note))
        return replace(self, notes=(*kept, notes.encode(note)))

    def to_json(self) -> dict[str, Any]:
        """The CLI's JSON contract (also what the bot stores and exports)."""
        return {
            "title": self.title,
            "summary": self.summary,
            "officials": [{"name": o.name, "titles": list(o.titles)} for o in self.officials],
            "decisions": [{"text": d.text, "actor": d.actor} for d in self.decisions],
            "engine": self.engine,
            "model": self.model,
            "input_words": self.input_words,
            "summary_words": self.summary_words,
            "elapsed_ms": self.elapsed_ms,
            "fallback": self.fallback,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Digest:
        """Rebuild a digest stored with `to_json`."""
        return cls(
            title=data.get("title", ""),
            summary=data["summary"],
            officials=tuple(
                Official(o["name"], tuple(o.get("titles", ()))) for o in data.get("officials", ())
            ),
            decisions=tuple(_decision(d) for d in data.get("decisions", ())),
            engine=data.get("engine", "extractive"),
            model=data.get("model"),
            input_words=int(data.get("input_words", 0)),
            summary_words=int(data.get("summary_words", 0)),
            elapsed_ms=int(data.get("elapsed_ms", 0)),
            fallback=bool(data.get("fallback", False)),
        )


def _decision(item: str | dict[str, Any]) -> Decision:
    """A stored decision: `{text, actor}`, or a plain string from before actors were kept."""
    if isinstance(item, str):
        return Decision(item)
    return Decision(str(item.get("text", "")), item.get("actor"))
