"""Escaped HTML building blocks: the only way data text reaches a page, every result a markupsafe.Markup.

"Already escaped" is a type: a builder returns Markup, and every builder that takes HTML (table cells, block
parts, tag content, link labels) escapes with text() anything that is not Markup. A data string a page module
forgot to escape is therefore escaped at the next builder, never written as markup. Page modules build HTML with
Markup("...{}...").format(...) and html_join(), never f-strings (an f-string turns Markup back into a plain str,
which the next builder would escape a second time). Markup.format escapes a plain str too, but with markupsafe's
rules (no <br>, no control characters replaced): data still goes through text() to look as it should.
"""

from __future__ import annotations

import html
import re
import string

from markupsafe import Markup

from scripts.core.urls import checked_url, host

# Control characters are never data (validation rejects them); Python-Markdown also uses STX/ETX as placeholders,
# PyYAML refuses C1 controls, and U+FFFE/U+FFFF and lone surrogates are not characters at all.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")

EMPTY = Markup("")


def text(value) -> Markup:
    """Escape any value for HTML text or attribute; line breaks become <br>. Markup is already escaped: kept.

    The result of escaping never contains a line break, so no Markdown block syntax (fences,
    headings, lists) can start inside it, and never contains < > & " ' unescaped.
    """
    if value is None:
        return EMPTY
    if isinstance(value, Markup):
        return value
    # html.escape rather than markupsafe.escape: it has always written &quot; and &#x27;, and pages stay as they were.
    escaped = html.escape(_CONTROL.sub("\ufffd", str(value)), quote=True)
    return Markup("<br>".join(escaped.splitlines()) if "\n" in escaped or "\r" in escaped else escaped)


def html_join(parts, separator: str = "") -> Markup:
    """Join HTML parts (each escaped with text() unless it is Markup) with a literal separator of ours."""
    return Markup(separator.join(map(text, parts)))


def _html(template: str, *parts) -> Markup:
    """template.format(*parts), each part escaped with text() unless it is Markup. The builders below are called
    for every cell and link of every page: this is Markup(template).format without string.Formatter's cost per field."""
    return Markup(template.format(*map(text, parts)))


def safe_url(url) -> str | None:
    """The URL if readers may be sent there (an http(s) address whose host is what it looks like, scripts/core/urls.py),
    else None."""
    return checked_url(url)


def _attributes(attrs: dict) -> Markup:
    """ name="value" pairs, values escaped (a trailing _ allows Python keywords, other _ become -); None left out."""
    return html_join(
        _html(' {}="{}"', Markup(key.rstrip("_").replace("_", "-")), str(value))
        for key, value in attrs.items()
        if value is not None
    )


def link(label, href: str, *, external: bool = False, title: str | None = None) -> Markup:
    """A link; the label is escaped unless it is Markup; href is either a site-relative path we built or a checked URL."""
    rel = "noopener noreferrer" if external else None
    return _html("<a{}>{}</a>", _attributes({"title": title, "href": href, "rel": rel}), label)


def external_link(label, url: str) -> Markup:
    """A link off the site to a checked URL, with the host it leads to beside it in plain text: 来源（www.qz.gov.cn）."""
    return _html('{}<span class="link-host">（{}）</span>', link(label, url, external=True), host(url))


def source_link(label, url) -> Markup:
    """Link to a source when readers may be sent to its URL (safe_url), the host shown beside it; otherwise show
    both as plain text."""
    checked = safe_url(url)
    if checked:
        return external_link(label or checked, checked)
    return text(label) + (Markup("（{}）").format(text(url)) if url else EMPTY)


_INERT_TOKEN = re.compile(r"<[^<>]*>|&(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);|[!-/:-@\[-`{-~]")


def inert(value) -> Markup:
    """HTML that stays as it is wherever Markdown meets it, inline too (a fragment in a list item of a hand-written
    page): every ASCII punctuation character of its text is a numeric entity, so no text can form a Markdown link,
    emphasis, attribute list or autolink. Tags and entities are kept; the text is escaped (Markup) already."""
    escaped = text(value)
    return Markup(_INERT_TOKEN.sub(lambda m: m.group() if len(m.group()) > 1 else f"&#{ord(m.group())};", escaped))


def tag(name: str, content, **attrs) -> Markup:
    """An element; content is escaped unless it is Markup, attribute values are escaped."""
    return _html("<{0}{1}>{2}</{0}>", Markup(name), _attributes(attrs), content)


def table(headers: list[str], rows: list[list], *, caption: str | None = None, css: str = "data") -> Markup:
    """A table; headers and caption are plain text, cells are HTML (Markup), and a cell that is not Markup is escaped."""
    head = html_join(_html('<th scope="col">{}</th>', h) for h in headers)
    body = html_join(_html("<tr>{}</tr>", html_join(tag("td", cell) for cell in row)) for row in rows)
    cap = tag("caption", text(caption)) if caption else EMPTY
    return _html('<div class="table-wrap"><table class="{}">{}<thead><tr>{}</tr></thead><tbody>{}</tbody></table></div>',
                 css, cap, head, body)


def status_badge(code: str, label: str) -> Markup:
    return _html('<span class="status status--{}">{}</span>', code, label)


_ANCHOR = re.compile(r"^[a-z][a-z0-9-]*$")


class Heading(Markup):
    """A Markdown heading line. Markup too: every character that could form markup is an entity, so it is safe HTML."""


def heading(level: int, value, anchor: str) -> Heading:
    """A Markdown heading, so the table of contents and the skip link see it.

    Every ASCII punctuation character becomes a numeric entity, so the text can form
    neither Markdown (emphasis, links, attribute lists) nor HTML; the anchor is ours.
    """
    if not _ANCHOR.match(anchor):
        raise ValueError(f"not an anchor: {anchor!r}")
    cleaned = _CONTROL.sub("\ufffd", str(value)).replace("\r", " ").replace("\n", " ").replace("\t", " ")
    safe = "".join(f"&#{ord(c)};" if c in string.punctuation else c for c in cleaned)
    return Heading(f"{'#' * level} {safe} {{#{anchor}}}")


def page_part(value) -> Markup:
    """One part of a Markdown page. Markup stays as it is; anything else is text, escaped in a paragraph of its own,
    so that even a leading # or indent in it can start no Markdown block."""
    return value if isinstance(value, Markup) else tag("p", value)


def block(*parts, css: str | None = None) -> Markup:
    """Join parts of a Markdown page: raw-HTML lines stay together, headings stand apart."""
    lines = [Markup("\n{}\n").format(part) if isinstance(part, Heading) else page_part(part) for part in parts if part]
    inner = Markup(Markup("\n").join(lines).strip("\n"))
    return Markup('<div class="{}">\n{}\n</div>').format(css, inner) if css else inner
