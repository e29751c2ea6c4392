"""Escaped HTML building blocks: the only way data text reaches a page."""

from __future__ import annotations

import html
import re
import string
from urllib.parse import urlsplit

# Control characters are never data (validation rejects them); Python-Markdown also uses STX/ETX as placeholders,
# PyYAML refuses C1 controls, and U+FFFE/U+FFFF and lone surrogates are not characters at all.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def text(value) -> str:
    """Escape any value for HTML text or attribute; line breaks become <br>.

    The result never contains a line break, so no Markdown block syntax (fences,
    headings, lists) can start inside it, and never contains < > & " ' unescaped.
    """
    if value is None:
        return ""
    escaped = html.escape(_CONTROL.sub("\ufffd", str(value)), quote=True)
    return "<br>".join(escaped.splitlines()) if "\n" in escaped or "\r" in escaped else escaped


def safe_url(url) -> str | None:
    """Return the URL if it is an absolute http(s) address, else None."""
    if not url:
        return None
    parts = urlsplit(str(url).strip())
    if parts.scheme in ("http", "https") and parts.netloc and not _CONTROL.search(str(url)):
        return str(url).strip()
    return None


def link(label, href: str, *, external: bool = False) -> str:
    """A link with escaped label; href is either a site-relative path we built or a checked URL."""
    attrs = ' rel="noopener noreferrer"' if external else ""
    return f'<a href="{html.escape(href, quote=True)}"{attrs}>{text(label)}</a>'


def source_link(label, url) -> str:
    """Link to a source when its URL is http(s); otherwise show both as plain text."""
    checked = safe_url(url)
    if checked:
        return link(label or checked, checked, external=True)
    return text(label) + (f"（{text(url)}）" if url else "")


def tag(name: str, content: str, **attrs) -> str:
    """An element whose content is already HTML; attribute values are escaped here."""
    rendered = "".join(
        f' {key.rstrip("_").replace("_", "-")}="{html.escape(str(value), quote=True)}"'
        for key, value in attrs.items()
        if value is not None
    )
    return f"<{name}{rendered}>{content}</{name}>"


def table(headers: list[str], rows: list[list[str]], *, caption: str | None = None, css: str = "data") -> str:
    """A table; headers are plain text (escaped here), cells are HTML already built with text()/link()."""
    head = "".join(f'<th scope="col">{text(h)}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    cap = f"<caption>{text(caption)}</caption>" if caption else ""
    return f'<div class="table-wrap"><table class="{css}">{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


def status_badge(code: str, label: str) -> str:
    return f'<span class="status status--{html.escape(code)}">{text(label)}</span>'


_ANCHOR = re.compile(r"^[a-z][a-z0-9-]*$")


def heading(level: int, value, anchor: str) -> str:
    """A Markdown heading, so the table of contents and the skip link see it.

    Every ASCII punctuation character becomes a numeric entity, so the text can form
    neither Markdown (emphasis, links, attribute lists) nor HTML; the anchor is ours.
    """
    if not _ANCHOR.match(anchor):
        raise ValueError(f"not an anchor: {anchor!r}")
    cleaned = _CONTROL.sub("\ufffd", str(value)).replace("\r", " ").replace("\n", " ").replace("\t", " ")
    safe = "".join(f"&#{ord(c)};" if c in string.punctuation else c for c in cleaned)
    return f"{'#' * level} {safe} {{#{anchor}}}"


def block(*parts: str, css: str | None = None) -> str:
    """Join parts of a Markdown page: raw-HTML lines stay together, headings stand apart."""
    lines = []
    for part in parts:
        if not part:
            continue
        lines.append(f"\n{part}\n" if part.startswith("#") else part)
    inner = "\n".join(lines).strip("\n")
    return f'<div class="{css}">\n{inner}\n</div>' if css else inner
