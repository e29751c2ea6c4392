"""Checks on data/CHANGELOG.md: the site shows it as text, so markup, links readers should not follow (the rules of
scripts/core/urls.py), control and invisible characters (a right-to-left override reorders what a line says) are errors."""

from __future__ import annotations

import re
from pathlib import Path

from scripts.core.paths import CHANGELOG
from scripts.core.safety import UnsafePath, resource_path
from scripts.validate.messages import INVISIBLE, invisible_name
from scripts.validate.problems import Problem, problem
from scripts.validate.urlcheck import url_problems

_HTML = re.compile(r"</?[A-Za-z][^>\n]*>?|<!--|<![A-Za-z]|<\?")
# Python-Markdown attribute lists ({: .class }, {#id}, {onclick=...}) on a heading, paragraph or link.
_ATTRIBUTES = re.compile(r"\{:[^}\n]*\}?|\{\s*[#.][\w-][^}\n]*\}|\{[^}\n]*=[^}\n]*\}")
_LINK = re.compile(r"\]\(\s*<?([^\s>]*)")
# <https://…>: Markdown's autolink, a link (the site makes it one), not an HTML tag.
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*)>")
# A link that is no web address at all keeps the change log's own message (it may be deleted); the others say what
# is wrong with the address, an address without https:// what to write instead.
_NOT_WEB = ("url-scheme", "url-not-http")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def check_changelog(package_dir: Path) -> list[Problem]:
    """Problems in the change log, each on its line (line 1 is the first); none when there is no change log."""
    try:
        data = resource_path(package_dir, CHANGELOG).read_bytes()
    except FileNotFoundError:
        return []
    except UnsafePath as error:
        return [problem("changelog-unsafe", CHANGELOG, reason=error.reason)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return [problem("changelog-not-utf8", CHANGELOG, line=data.count(b"\n", 0, error.start) + 1)]
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        found.extend(check_line(line.removesuffix("\r"), number))
    return found


def check_line(line: str, number: int) -> list[Problem]:
    """At most one problem of each kind for a line, showing the first offending text."""
    found = []
    controls = _CONTROL.findall(line)
    if controls:
        names = "、".join(dict.fromkeys(f"U+{ord(c):04X}" for c in controls))
        found.append(problem("changelog-control", CHANGELOG, row=number, names=names))
    invisible = INVISIBLE.findall(line)
    if invisible:
        names = "、".join(dict.fromkeys(invisible_name(c) for c in invisible))
        found.append(problem("changelog-invisible", CHANGELOG, row=number, names=names))
    autolinks = [m.group(1) for m in _AUTOLINK.finditer(line)]
    without_autolinks = _AUTOLINK.sub(" ", line)
    for code, pattern in (("changelog-html", _HTML), ("changelog-attributes", _ATTRIBUTES)):
        match = pattern.search(without_autolinks)
        if match:
            found.append(problem(code, CHANGELOG, row=number, value=match.group()))
    targets = [m.group(1).removesuffix(")") for m in _LINK.finditer(line)] + autolinks
    for target in targets:  # the first link that is wrong
        wrong = url_problems(CHANGELOG, number, None, target)
        if wrong:
            found.append(problem("changelog-link", CHANGELOG, row=number, value=target) if wrong[0].code in _NOT_WEB
                         else wrong[0])
            break
    return found
