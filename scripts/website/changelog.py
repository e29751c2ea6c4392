"""data/CHANGELOG.md as escaped HTML: headings, paragraphs, lists, bold, inline code and http(s) links, nothing else.

The change log is edited by staff in pull requests, so it is data, not markup: no raw HTML, attribute list,
image or script link it holds can reach the page. Everything outside the small subset is shown as text.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from scripts.website import markup as m
from scripts.website.pages.page import Page

_HEADING = re.compile(r"(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"\s{0,3}(?:([-*+])|(\d{1,9})[.)])\s+(.*)")
_INLINE = re.compile(r"`([^`]+)`|\*\*(.+?)\*\*|\[([^\]\n]+)\]\(([^()\s]*)\)|<([A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*)>")


def changelog_page(package) -> Page:
    """The 更新记录 page from the package's data/CHANGELOG.md, as the read stage kept it."""
    source = package.changelog
    return Page("changelog.md", "更新记录", render(source) if source.strip() else m.tag("p", "暂无更新记录。"))


def render(source: str) -> Markup:
    """The change log's Markdown as page body: headings as Markdown (for the table of contents), the rest as HTML."""
    parts: list[Markup] = []
    paragraph: list[str] = []
    items: list[str] = []
    ordered = False
    headings = 0

    def flush() -> None:
        nonlocal paragraph, items
        if paragraph:
            parts.append(m.tag("p", inline(" ".join(paragraph))))
        if items:
            parts.append(m.tag("ol" if ordered else "ul", m.html_join(m.tag("li", inline(item)) for item in items)))
        paragraph, items = [], []

    for line in source.splitlines():
        heading, item = _HEADING.fullmatch(line), _ITEM.fullmatch(line)
        if not line.strip():
            flush()
        elif heading:
            flush()
            headings += 1
            parts.append(m.heading(len(heading.group(1)), heading.group(2), f"changelog-{headings}"))
        elif item:
            if paragraph:
                flush()
            ordered = item.group(2) is not None
            items.append(item.group(3))
        elif items and line[:1].isspace():
            items[-1] += " " + line.strip()  # a list item continued on the next line
        else:
            if items:
                flush()
            paragraph.append(line.strip())
    flush()
    return m.block(*parts)


def inline(text: str) -> Markup:
    """Bold, inline code and http(s) links, [label](url) or <url>; every other character escaped. A link to anything
    else stays text."""
    out, position = [], 0
    for match in _INLINE.finditer(text):
        out.append(m.text(text[position:match.start()]))
        code, bold, label, target, autolink = match.groups()
        if autolink is not None:
            out.append(m.external_link(autolink, autolink) if m.safe_url(autolink) else m.text(match.group(0)))
        elif code is not None:
            out.append(m.tag("code", code))
        elif bold is not None:
            out.append(m.tag("strong", bold))
        elif m.safe_url(target):
            out.append(m.external_link(label, m.safe_url(target)))
        else:
            out.append(m.text(match.group(0)))
        position = match.end()
    out.append(m.text(text[position:]))
    return m.html_join(out)
