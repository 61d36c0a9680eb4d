"""A chat's exported history as Markdown, headings in the reader's language."""

from __future__ import annotations

from collections.abc import Sequence

from bot.views.texts import text
from storage import ExportOptions, ExportRecord, StoredDigest
from storage.exports import zone_name

DEFAULT = ExportOptions()  # times in UTC, senders named


def markdown_section(
    item: StoredDigest, lang: str | None, options: ExportOptions = DEFAULT
) -> str:
    """One digest as a Markdown section."""
    digest = item.digest
    when = item.created_at.astimezone(options.zone)
    lines = [
        f"## #{item.number} · {digest.title or text(lang, 'export_untitled')}",
        "",
        f"_{when:%Y-%m-%d %H:%M} ({zone_name(options.zone)})_",
        "",
        digest.summary,
    ]
    if digest.officials:
        lines += ["", f"**{text(lang, 'export_officials')}**", ""]
        lines += [
            f"- {o.name}" + (f" — {', '.join(o.titles)}" if o.titles else "")
            for o in digest.officials
        ]
    if digest.decisions:
        lines += ["", f"**{text(lang, 'export_decisions')}**", ""]
        lines += [
            f"- **{actor}**: {d.text}" if (actor := d.actor_to_show(digest.officials))
            else f"- {d.text}"
            for d in digest.decisions
        ]
    return "\n".join(lines)


def markdown(
    records: Sequence[ExportRecord], lang: str | None, options: ExportOptions = DEFAULT
) -> str:
    """The whole history as one Markdown document, oldest first."""
    header = "# " + text(lang, "export_md_title", total=len(records))
    body = (markdown_section(r.item, lang, options) for r in records)
    return "\n\n".join([header, *body]) + "\n"
