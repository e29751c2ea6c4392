"""One escaper for every untrusted string in a pull request's job summary: cells, keys, names, file and ref names.

GitHub renders the summary as Markdown with HTML: a column named `<img src=…>` or a key holding
"\\n\\n## 数据校验通过" would otherwise become an image or a fake heading. Every string that comes from the
data, the descriptor, a file name or a branch name goes through `md` (or `code_block` for a block to copy):
control and invisible characters and line breaks are shown as visible marks, and every character that Markdown
or HTML could read as syntax is backslash-escaped, so the text is shown exactly, on one line. GitHub finds
@mentions and #123 references in the rendered text, after the backslash is gone: an empty HTML comment after the
@ or # keeps "@team" and "#1" from notifying anyone or linking an issue (the comment itself shows nothing); one
after http, https or www keeps an address in a key or title from becoming a link (GitHub links bare addresses).
"""

from __future__ import annotations

import re

from scripts.validate.messages import show

# Characters GitHub's Markdown or HTML may read as syntax inside a line (code, emphasis, links, images, tables,
# strike-through, entities, headings, mentions, math); a backslash makes each a literal character.
MARKDOWN_SPECIAL = frozenset("\\`*_[]<>|~&!#@$")
# An escaped @ or # that GitHub would still read as a mention (@user, @org/team) or a reference (#123, owner/repo#1).
_REFERENCE = re.compile(r"(\\[@#])(?=\w)")
NO_REFERENCE = "<!-- -->"
# An address GitHub would make a link of by itself (its autolink extension needs no brackets): http://, https://, www.
# The same empty comment after the scheme or www leaves the address as text, shown whole.
_AUTOLINK = re.compile(r"(?<![A-Za-z])(https?(?=://)|www(?=\.))", re.IGNORECASE)


def visible(text: str) -> str:
    """Control and invisible characters as [U+XXXX], line breaks as ↵, tabs as [Tab]: one line, nothing hidden
    (the validator's own `show`, so the text report and the summary mark them alike)."""
    return show(str(text), None)


def md(text: object, limit: int | None = 80, *, linked: bool = False) -> str:
    """Any text as literal Markdown text on one line (safe in a table cell, a list item or a heading). An address in
    it stays text, unless `linked` (an address this project makes, such as the CI run's page)."""
    text = visible(str(text))
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    escaped = "".join("\\" + ch if ch in MARKDOWN_SPECIAL else ch for ch in text)
    if not linked:
        escaped = _AUTOLINK.sub(lambda m: m.group(1) + NO_REFERENCE, escaped)
    return _REFERENCE.sub(lambda m: m.group(1) + NO_REFERENCE, escaped)


def code_block(lines: list[str]) -> list[str]:
    """Lines to copy as they are (e.g. a change log entry), in a fence no line can close: each line made visible."""
    shown = [visible(line) for line in lines]
    fence = "`" * max(3, 1 + max((_longest_run(line, "`") for line in shown), default=0))
    return [fence, *shown, fence]


def _longest_run(text: str, char: str) -> int:
    best = run = 0
    for c in text:
        run = run + 1 if c == char else 0
        best = max(best, run)
    return best
