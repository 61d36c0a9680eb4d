"""A page's main article with trafilatura: title, text, date, author, and its canonical URL."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urljoin, urlsplit

import lxml.html
import trafilatura
from courlan import extract_domain
from trafilatura.settings import Document

from bot.links.fetch import Page
from bot.links.guard import LinkError
from bot.links.urls import normalize
from bot.paste.extract import NotArticle, check_article, clean_text
from summarizer.textnorm import count_words

DATA = Path(__file__).parent / "data"
WALL_WORDS = 150  # a login or paywall marker with less text than this: the article is hidden
TEASER_WORDS = 20  # a page whose longest paragraph is shorter lists articles, it is not one
LEAD_WORDS = 12  # a shorter description is a slogan, not the article's lead
_SPACE = re.compile(r"\s+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


@dataclass(frozen=True)
class PageArticle:
    """The article of a page, as text the paste pipeline takes, and where it lives."""

    text: str
    title: str
    url: str  # canonical when the page names one, else where the fetch ended
    date: str | None = None
    author: str | None = None


@functools.cache
def _words(name: str) -> tuple[str, ...]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def is_listing(url: str) -> bool:
    """A home page, search page or tag page by its address."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.lower().split("/") if s]
    if not segments and not parts.query:
        return True
    words = _words("listing_paths.txt")
    keys = {f"?{key.lower()}" for key, _ in parse_qsl(parts.query)}
    return bool(segments and segments[0] in words) or bool(keys & set(words))


def _site(url: str) -> str:
    """The registrable domain (`bao.example.vn` for `amp.bao.example.vn`), else the host."""
    return extract_domain(url) or (urlsplit(url).hostname or "")


def canonical_url(tree: lxml.html.HtmlElement, base: str) -> str:
    """`<link rel=canonical>`, else `og:url`, made absolute; else the page's own address.

    A canonical that is a home or listing page (templates that point every article at the
    front page) is ignored: it would make all of a site's articles one story. So is one on
    another site: any page could otherwise claim a real paper's article, be credited to it
    and answer for it from history.
    """
    for found in (
        tree.xpath("//link[translate(@rel, 'CANOIL', 'canoil') = 'canonical']/@href"),
        tree.xpath("//meta[@property='og:url']/@content"),
    ):
        for href in found:
            url = normalize(urljoin(base, str(href).strip()))
            if url is not None and not is_listing(url) and _site(url) == _site(base):
                return url
    return normalize(base) or base


def _description(tree: lxml.html.HtmlElement) -> str:
    for found in (tree.xpath("//meta[@property='og:description']/@content"),
                  tree.xpath("//meta[@name='description']/@content")):
        if found:
            return " ".join(str(found[0]).split())
    return ""


def _folded(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def _paragraphs(body: str, title: str, lead: str) -> list[str]:
    """Body lines without a repeated title, with the lead put back when the extractor lost it."""
    lines = [" ".join(line.split()) for line in body.split("\n") if line.strip()]
    if lines and _folded(lines[0]) == _folded(title):
        lines = lines[1:]
    joined = _folded(" ".join(lines))
    if count_words(lead) >= LEAD_WORDS and _folded(lead)[:60] not in joined:
        lines.insert(0, lead)
    return lines


def extract_article(page: Page, *, min_words: int, max_chars: int) -> PageArticle:
    """The article of `page`; LinkError when the page is not one (listing, wall, too little)."""
    if page.media_type == "text/plain":
        return _checked(PageArticle(page.text, page.text.strip().split("\n", 1)[0], page.url),
                        min_words=min_words, max_chars=max_chars)
    try:
        # lxml refuses text that still declares its byte encoding (XHTML's <?xml … ?>).
        tree = lxml.html.fromstring(_XML_DECLARATION.sub("", page.text, count=1))
    except (ValueError, lxml.etree.ParserError) as exc:
        raise LinkError("link_not_article") from exc
    if is_listing(page.url):
        raise LinkError("link_not_article")
    url = canonical_url(tree, page.url)
    lead = _description(tree)
    walled = any(marker in page.text.lower() for marker in _words("paywall_markers.txt"))
    # Tables off: old sites lay whole pages out in tables, and a digest needs no data grid.
    found = trafilatura.bare_extraction(tree, url=page.url, include_comments=False,
                                        include_tables=False, with_metadata=True)
    if not isinstance(found, Document):
        found = Document()
    body = found.text or ""
    title = " ".join((found.title or "").split())
    paragraphs = _paragraphs(body, title, lead)
    words = sum(count_words(p) for p in paragraphs)
    if walled and words < WALL_WORDS:
        raise LinkError("link_paywall")
    if words < min_words or max((count_words(p) for p in paragraphs), default=0) < TEASER_WORDS:
        raise LinkError("link_not_article")
    text = "\n\n".join([title, *paragraphs] if title else paragraphs)
    article = PageArticle(text, title, url, found.date, found.author)
    return _checked(article, min_words=min_words, max_chars=max_chars)


def _checked(article: PageArticle, *, min_words: int, max_chars: int) -> PageArticle:
    """The same cleaning and checks as a paste; too little text means it is not an article."""
    text = clean_text(article.text)
    try:
        check_article(text, max_chars=max_chars, min_words=min_words)
    except NotArticle as exc:
        if exc.key in ("empty", "no_letters", "only_url", "short"):
            raise LinkError("link_not_article") from exc
        raise LinkError(exc.key, **exc.values) from exc
    return PageArticle(text, article.title, article.url, article.date, article.author)
