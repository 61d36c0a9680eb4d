"""Page clutter removal and main-article detection for a pasted Vietnamese news page."""

from __future__ import annotations

import re

from summarizer import clutter
from summarizer.clutter import word_count
from summarizer.digest import Article
from summarizer.input_rule import strip_invisible
from summarizer.sentences import split_sentences
from summarizer.textnorm import nfc, syllables

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff]")
_ENDS_SENTENCE = re.compile(r"[.!?…:;]\s*[\"”’')]*$")
_SPACES = re.compile(r"[^\S\n]+")
# A paragraph is body text when it reads as prose, not as a heading or a caption.
_BODY_MIN_SYLLABLES = 15
# Words that tie a paragraph to the one before: such a paragraph is prose, not a caption.
_CONNECTIVES = frozenset(
    [
        "theo",
        "trong",
        "tuy",
        "nhưng",
        "do",
        "vì",
        "nên",
        "đồng",
        "sau",
        "trước",
        "ngoài",
        "bên",
        "cùng",
        "đặc",
        "hiện",
        "tại",
        "khi",
        "như",
    ]
)


def normalise(text: str) -> str:
    """NFC, invisible and control characters removed, white space tidied, lines stripped."""
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n")
    text = strip_invisible(text)
    text = _CONTROL.sub(" ", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def _is_noise(line: str) -> bool:
    """Lines that are never part of any article."""
    return (
        word_count(line) == 0
        or clutter.is_date_line(line)
        or clutter.is_weather_line(line)
        or clutter.is_follow_line(line)
        or clutter.is_related_link(line)
    )


def _drop_noise(lines: list[str]) -> list[str]:
    """Drop clutter lines; a `Clip: …` headline right before the first paragraph is the title."""
    kept: list[str] = []
    seen_body = False
    for index, line in enumerate(lines):
        if _is_noise(line):
            continue
        if clutter.is_photo_caption(line):
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if seen_body or not _is_body(following) or clutter.is_photo_caption(following):
                continue
        line = clutter.strip_related_tail(clutter.strip_photo_sentence(line))
        line = clutter.strip_photo_credit(line)
        seen_body = seen_body or _is_body(line)
        if line:
            kept.append(line)
    return kept


def _is_body(line: str) -> bool:
    """Prose: long enough and ending like a sentence (or long regardless)."""
    words = word_count(line)
    return words >= 40 or (words >= _BODY_MIN_SYLLABLES and not clutter.is_headline(line))


def _is_prose(line: str) -> bool:
    """A paragraph that can only be body text (a paste that starts without its title)."""
    words = word_count(line)
    ends = re.search(r"[.!?…][\"”’')]*$", line) is not None
    return ends and (words >= 30 or (words >= 20 and len(split_sentences(line)) >= 2))


def _find_title(lines: list[str]) -> tuple[str, int]:
    """The headline just before the first body paragraph, and where the body starts."""
    if lines and _is_prose(lines[0]):
        return "", 0
    for index, line in enumerate(lines):
        if index > 0 and _is_body(line):
            title = lines[index - 1]
            if clutter.is_headline(title) or not _is_body(title):
                return title, index
            return lines[0], 1
    return (lines[0], 1) if lines else ("", 0)


def _main_article(body: list[str]) -> tuple[list[str], bool]:
    """The body up to the byline or a closing related block; whether such an end was found.

    A related box inside the article (its links followed by more paragraphs) is dropped alone.
    """
    kept: list[str] = []
    index = 0
    seen_body = 0
    while index < len(body):
        line = body[index]
        if clutter.is_related_marker(line) and seen_body >= 1:
            after = index + 1
            while after < len(body) and clutter.is_headline(body[after]):
                after += 1
            resumes = after + 1 < len(body) and _is_body(body[after]) and _is_body(body[after + 1])
            if not resumes:
                return kept, True
            index = after
            continue
        if clutter.is_byline(line) and seen_body >= 2:
            # Two paragraphs of prose right after it: a capitalised subheading, not the byline.
            rest = body[index + 1 : index + 3]
            if len(rest) < 2 or not all(_is_body(p) for p in rest):
                return kept, True
            index += 1
            continue
        kept.append(line)
        seen_body += _is_body(line)
        index += 1
    return kept, False


def _drop_teaser_pairs(body: list[str]) -> list[str]:
    """Drop trailing (headline, lead) pairs: other articles' teasers after the main one."""
    end = len(body)
    pairs = 0
    while end >= 2 and clutter.is_headline(body[end - 2]) and _is_body(body[end - 1]):
        end -= 2
        pairs += 1
    kept = body[:end]
    if pairs >= 2 and sum(_is_body(p) for p in kept) >= 2:
        return kept
    return body


def _looks_like_caption(line: str) -> bool:
    """A one-sentence photo description: short, plain, no comma, no figure, no connective."""
    words = syllables(line)
    return (
        0 < len(words) <= 22
        and not re.search(r"[,;:\d“\"]", line)
        and len(split_sentences(line)) == 1
        and words[0].lower() not in _CONNECTIVES
    )


def _drop_captions(body: list[str], page: bool) -> list[str]:
    """Drop headline-like lines between paragraphs and (on cluttered pages) short captions."""
    kept: list[str] = []
    for index, line in enumerate(body):
        inside = 0 < index < len(body) - 1
        if clutter.is_byline(line) or clutter.is_related_marker(line):
            continue
        heading = clutter.is_headline(line) and line[:1].isupper() and not _is_body(line)
        if inside and heading and (page or word_count(line) <= 12):
            continue
        if page and inside and _looks_like_caption(line):
            continue
        kept.append(line)
    return kept


def _join_broken(paragraphs: list[str]) -> list[str]:
    """Rejoin a sentence that the page broke across two lines (next starts in lower case)."""
    groups: list[list[str]] = []
    for line in paragraphs:
        if (
            groups
            and not _ENDS_SENTENCE.search(groups[-1][-1][-8:])
            and (line[:1].islower() or re.match(r"^[\"”’']\s*[,.]", line))
        ):
            groups[-1].append(line)
        else:
            groups.append([line])
    return [" ".join(group) for group in groups]


def clean_page(text: str) -> Article:
    """Turn a pasted page into its main article."""
    raw_lines = [line for line in normalise(text).split("\n") if line]
    lines = _drop_noise(raw_lines)
    page = len(lines) < len(raw_lines)
    title, start = _find_title(lines)
    body = lines[start:]
    if body:
        lead = clutter.strip_source_prefix(body[0])
        page = page or lead != body[0]
        body[0] = lead
    main, found = _main_article(body)
    page = page or found or start > 1
    body = main if found else _drop_teaser_pairs(main) if page else main
    body = _join_broken(_drop_captions(body, page))
    body = [clutter.strip_glued_clutter(p) for p in body]
    if body:
        body[-1] = clutter.strip_trailing_byline(body[-1])
    paragraphs = tuple(p for p in body if p)
    sentences = tuple(s for p in paragraphs for s in split_sentences(p))
    return Article(title=title, paragraphs=paragraphs, sentences=sentences)
