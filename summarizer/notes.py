"""What a digest says about how it was made, as typed notes.

`Digest.notes` keeps each note's stored form (a short code such as `partly_extractive:2/7`, what
the database and the exports hold); this module is the only one that writes or reads that form.
Readers use `Digest.typed_notes()`; the bot renders them in one place (bot/views/render.py).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PartlyExtractive:
    """The model wrote the summary, but `stand_ins` of its `parts` chunks are the article's own
    sentences (the model's text for them was broken)."""

    stand_ins: int
    parts: int


@dataclass(frozen=True)
class EngineNotHere:
    """The chat chose an engine (`wanted`) that cannot run on this machine; another one wrote it."""

    wanted: str


@dataclass(frozen=True)
class ReadFrom:
    """The article was read from the page at `url` (a link, not a paste)."""

    url: str


Note = PartlyExtractive | EngineNotHere | ReadFrom

_PARTLY, _NOT_HERE, _FROM = "partly_extractive:", "engine_unavailable:", "source:"


def encode(note: Note) -> str:
    """The note's stored form."""
    if isinstance(note, PartlyExtractive):
        return f"{_PARTLY}{note.stand_ins}/{note.parts}"
    if isinstance(note, EngineNotHere):
        return _NOT_HERE + note.wanted
    return _FROM + note.url


def decode(code: str) -> Note | None:
    """The note a stored form stands for; None for a form this version does not know."""
    if code.startswith(_PARTLY):
        stand_ins, _, parts = code[len(_PARTLY):].partition("/")
        if stand_ins.isdigit() and parts.isdigit():
            return PartlyExtractive(int(stand_ins), int(parts))
        return None
    if code.startswith(_NOT_HERE):
        return EngineNotHere(code[len(_NOT_HERE):])
    if code.startswith(_FROM):
        return ReadFrom(code[len(_FROM):])
    return None
