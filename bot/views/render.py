"""Pure rendering: digests and history/search pages as Telegram HTML message chunks."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import Protocol

from bot.links.source import site_of, source_in
from bot.telegram_text import MESSAGE_LIMIT, prefix_within, telegram_length
from bot.views.texts import text
from summarizer.digest import Digest
from summarizer.notes import EngineNotHere, Note, PartlyExtractive

# A digest note naming the chat's chosen engine when it could not run here (see engines.py).

_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Block:
    """A run of plain text shown inside one optional tag; `sep` is what precedes it."""

    body: str
    tag: str = ""
    sep: str = "\n\n"

    def html(self, body: str | None = None) -> str:
        """The block as HTML; the body is always escaped here and nowhere else."""
        escaped = html.escape(self.body if body is None else body, quote=False)
        if not self.tag:
            return escaped
        name = self.tag.split()[0]
        return f"<{self.tag}>{escaped}</{name}>"


class Entry(Protocol):
    """What a history/search row needs (storage's StoredDigest satisfies it)."""

    @property
    def number(self) -> int: ...
    @property
    def digest(self) -> Digest: ...
    @property
    def created_at(self) -> datetime: ...


def _escaped_length(text: str) -> int:
    return telegram_length(html.escape(text, quote=False))


def _pieces(block: Block, limit: int) -> list[str]:
    """Split one over-long block on line, then word, then character boundaries."""
    room = limit - telegram_length(block.html(""))
    out: list[str] = []
    current, size = "", 0  # size: current's escaped length (escaping is character by character)
    for unit in re.split(r"(?<=\n)|(?<= )", block.body):
        while _escaped_length(unit) > room:
            # Worst case a character is 5 units ("&amp;"; an emoji is only 2).
            cut = max(1, room // 5)
            if current:
                out.append(current)
                current, size = "", 0
            out.append(unit[:cut])
            unit = unit[cut:]
        width = _escaped_length(unit)
        if size + width > room:
            out.append(current)
            current, size = unit, width
        else:
            current, size = current + unit, size + width
    if current:
        out.append(current)
    return [block.html(piece.strip("\n")) for piece in out if piece.strip()]


def split_blocks(blocks: Iterable[Block], limit: int = MESSAGE_LIMIT) -> list[str]:
    """Join blocks into messages of at most `limit` units as Telegram counts them (UTF-16),
    never cutting inside a tag."""
    chunks: list[str] = []
    current, size = "", 0  # size: telegram_length(current)
    for block in blocks:
        if not block.body.strip():
            continue
        rendered = block.html()
        parts = [rendered] if telegram_length(rendered) <= limit else _pieces(block, limit)
        for i, part in enumerate(parts):
            sep = block.sep if i == 0 else "\n"
            width = telegram_length(part)
            if current and size + telegram_length(sep) + width <= limit:
                current, size = current + sep + part, size + telegram_length(sep) + width
            else:
                if current:
                    chunks.append(current)
                current, size = part, width
    if current:
        chunks.append(current)
    return chunks or ["…"]


def to_plain(chunk: str) -> str:
    """The chunk without markup, for resending when Telegram rejects the HTML."""
    return html.unescape(_TAG.sub("", chunk)) or "…"


def note_words(note: Note, lang: str) -> str | None:
    """A note as the footer says it (None: shown elsewhere, the source under the title)."""
    if isinstance(note, EngineNotHere):  # the chat chose an engine that cannot run here
        return text(lang, "engine_unavailable", wanted=note.wanted)
    if isinstance(note, PartlyExtractive):  # some chunks were botched by the model
        return text(lang, "partly_extractive", stand_ins=note.stand_ins, parts=note.parts)
    return None


def footer(digest: Digest, number: int | None, lang: str, notes: Sequence[Note]) -> str:
    """How it was written, the article's words → the summary's, and the digest's number.

    The engine is named in words a reader knows ("trích câu từ bài", "viết lại (ViT5)");
    `notes` are the digest's typed notes, decoded once by the caller.
    """
    engine = _engine_words(digest.engine, lang)
    if digest.fallback:
        engine += f" [{text(lang, 'fallback')}]"
    for note in notes:
        words = note_words(note, lang)
        if words:
            engine += " · " + words
    return text(
        lang,
        "footer",
        engine=engine,
        words_in=digest.input_words,
        words_out=digest.summary_words,
        number=number if number is not None else "?",
    )


def _engine_words(engine: str, lang: str) -> str:
    """A reader's name for the engine, capitalised; an unknown engine keeps its own name."""
    if engine not in ("extractive", "abstractive"):
        return engine
    words = text(lang, f"engine_{engine}")
    return words[:1].upper() + words[1:]


def digest_blocks(digest: Digest, number: int | None, lang: str) -> list[Block]:
    """The digest as blocks: title, summary, officials, decisions, footer."""
    notes = digest.typed_notes()  # once: the source link and the footer both read them
    blocks = [Block(digest.title, "b")] if digest.title.strip() else []
    blocks += [Block(p) for p in digest.summary.split("\n") if p.strip()]
    if digest.officials:
        blocks.append(Block(text(lang, "officials_heading"), "b"))
        for o in digest.officials:
            position = ", ".join(o.titles)
            blocks.append(Block(f"• {o.name}" + (f" — {position}" if position else ""), sep="\n"))
    if digest.decisions:
        blocks.append(Block(text(lang, "decisions_heading"), "b"))
        for d in digest.decisions:
            actor = d.actor_to_show(digest.officials)
            if actor is None:
                blocks.append(Block(f"• {d.text}", sep="\n"))
            else:  # the actor in bold, then what was decided
                bold = Block(actor, "b", "")
                blocks += [Block("• ", sep="\n"), bold, Block(f": {d.text}", sep="")]
    url = source_in(notes)
    if url:  # read from a link: the site, linking back to the original
        href = html.escape(url, quote=True)
        blocks += [Block(text(lang, "link_source")), Block(site_of(url), f'a href="{href}"', " ")]
    blocks.append(Block(footer(digest, number, lang, notes), "i"))
    return blocks


def render_digest(
    digest: Digest, number: int | None, lang: str, *, limit: int = MESSAGE_LIMIT
) -> list[str]:
    """The digest as one or more HTML messages, each at most `limit` UTF-16 units."""
    return split_blocks(digest_blocks(digest, number, lang), limit)


def short_title(digest: Digest, width: int = 48) -> str:
    """A one-line label for a digest (title, else the summary's start)."""
    label = " ".join((digest.title or digest.summary).split())
    return label if len(label) <= width else label[: width - 1].rstrip() + "…"


def entry_line(entry: Entry, snippet: str | None = None, zone: tzinfo = UTC) -> str:
    """One history/search row as HTML: number, local date and time, title, optional snippet."""
    when = entry.created_at.astimezone(zone).strftime("%d/%m %H:%M")
    title = html.escape(short_title(entry.digest), quote=False)
    line = f"<b>#{entry.number}</b> · {when} · {title}"
    if snippet:
        line += f"\n    <i>{html.escape(' '.join(snippet.split()), quote=False)}</i>"
    return line


def render_page(header_html: str, entries: Sequence[Entry], snippets: Sequence[str] = (),
                zone: tzinfo = UTC) -> str:
    """A page of entries under an (already escaped) header, times in `zone`; one message."""
    lines = [header_html]
    for i, entry in enumerate(entries):
        lines.append(entry_line(entry, snippets[i] if i < len(snippets) else None, zone))
    page = "\n\n".join(lines)
    if telegram_length(page) <= MESSAGE_LIMIT:
        return page
    return prefix_within(page, MESSAGE_LIMIT - 1).rsplit("\n\n", 1)[0]
