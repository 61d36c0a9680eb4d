"""The visible text of an HTML page, read by libxml2 (lxml): linear time on hostile markup."""

from __future__ import annotations

from lxml import etree, html

# Elements whose start and end break a line; the rest flow into their paragraph.
_BLOCKS = frozenset(
    ["p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article", "section",
     "header", "footer", "blockquote"]
)
_SKIP = ("script", "style", "noscript", "template", "head")


class UnreadableHtml(ValueError):
    """libxml2 could not make a document of the page."""


def _parser() -> html.HTMLParser:
    # No network, no entity expansion from outside; comments and PIs are never text.
    return html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True,
                           no_network=True)


def _tree(page: str) -> html.HtmlElement | None:
    """The parsed page; None when it holds no element at all."""
    # Bytes, not str: lxml refuses a str that carries an XML encoding declaration.
    data = page.encode("utf-8", "replace")
    try:
        return html.document_fromstring(data, parser=_parser())
    except etree.ParserError as exc:
        if "empty" in str(exc).lower():
            return None
        raise UnreadableHtml(str(exc)) from exc
    except (etree.LxmlError, ValueError) as exc:
        raise UnreadableHtml(str(exc)) from exc


def visible_text(page: str) -> str:
    """Visible text of an HTML document, paragraphs on their own lines ("" when none)."""
    root = _tree(page)
    if root is None:
        return ""
    for hidden in list(root.iter(*_SKIP)):
        hidden.drop_tree()  # keeps the text that follows the element
    parts: list[str] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        block = element.tag in _BLOCKS
        if event == "start":
            if block:
                parts.append("\n")
            if element.text:
                parts.append(element.text)
            continue
        if block:
            parts.append("\n")
        if element.tail and element is not root:
            parts.append(element.tail)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)
