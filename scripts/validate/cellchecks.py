"""Cell checks for what Frictionless lets pass: spaces, control and invisible characters, formulas, Excel-style numbers and dates."""

from __future__ import annotations

import re
from dataclasses import dataclass

from scripts.core.casting import MAX_DIGITS, digit_count
from scripts.core.csvcells import FORMULA_START
from scripts.core.periods import PATTERN as PERIOD
from scripts.core.urls import MAYBE_NOT_SOURCE, PLAIN_URL
from scripts.validate.excelforms import ISO_DATE, PLAIN_NUMBER, explain_date, explain_number, explain_period
from scripts.validate.messages import CONTROL, INVISIBLE, NORMALIZE_DATES, invisible_name, show
from scripts.validate.mojibake import CODEC_NAMES, lost_mark, unmangle
from scripts.validate.problems import Problem, problem
from scripts.validate.rawcsv import RawTable
from scripts.validate.urlcheck import url_problems

DEFAULT_MAX_LENGTH = 500  # for text columns whose schema gives no maxLength
MARKUP = {
    "HTML 标签": re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>"),
    "Markdown 链接": re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)"),
    "模板语法": re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}"),
}
PERIOD_SAMPLES = ("2023", "2023-Q1", "2023-H1", "2023-01..10")
NUMBERS = ("number", "integer")
_MARKUP_CHARS = frozenset("<]{}")


@dataclass(frozen=True)
class Column:
    """What the schema says about one column, as far as cell checks need it."""

    name: str
    kind: str  # number, integer, date, period, url, text or other
    required: bool
    max_length: int | None
    measure: bool  # a number whose unit is its indicator's
    choices: frozenset = frozenset()  # the enum, whose values are never formulas even when they start with =


def columns(resource: dict) -> list[Column]:
    """Classify a resource's fields; a period column is a string column whose pattern accepts periods."""
    measured_by = {
        key["fields"][0] for key in resource["schema"].get("foreignKeys", []) if key["reference"]["resource"] == "indicators"
    }
    found = []
    for f in resource["schema"]["fields"]:
        kind, constraints = f.get("type", "string"), f.get("constraints", {})
        if kind == "string":
            pattern = constraints.get("pattern")
            if pattern and all(re.fullmatch(pattern, sample) for sample in PERIOD_SAMPLES):
                kind = "period"
            elif f.get("format") == "uri":
                kind = "url"
            else:
                kind = "text"
        elif kind not in ("number", "integer", "date"):
            kind = "other"
        max_length = constraints.get("maxLength")
        if kind == "text" and max_length is None:
            max_length = DEFAULT_MAX_LENGTH
        found.append(Column(f["name"], kind, bool(constraints.get("required")), max_length,
                            kind == "number" and bool(measured_by), frozenset(map(str, constraints.get("enum", [])))))
    return found


def check_cells(table: RawTable, resource: dict, indicator_units: dict[str, str]) -> list[Problem]:
    """Every cell problem in a file whose header is right; `indicator_units` maps indicator id to unit."""
    cols = columns(resource)
    unit_key = next((k["fields"][0] for k in resource["schema"].get("foreignKeys", [])
                     if k["reference"]["resource"] == "indicators"), None)
    unit_index = table.header.index(unit_key) if unit_key else None
    plain = [_plain_test(column) for column in cols]
    found: list[Problem] = []
    for number, cells in table.rows:
        joined = ",".join(cells)
        # isprintable() is false for every control and non-character and is ten times faster than the regex.
        closer = table.has_invisible or (not joined.isprintable() and CONTROL.search(joined) is not None)
        if not joined.isascii():
            found.extend(check_mojibake(table.file, number, cols, cells))
        for column, is_plain, text in zip(cols, plain, cells):
            if not text or (not closer and is_plain(text)):
                continue
            unit = None
            if column.measure and unit_index is not None and unit_index < len(cells):
                unit = indicator_units.get(cells[unit_index].strip())
            found.extend(check_cell(table.file, number, column, text, unit))
    return found


def _plain_test(column: Column):
    """A quick test for the usual cell that needs no closer look (most cells of a large file)."""
    shape = {"number": PLAIN_NUMBER, "integer": PLAIN_NUMBER, "date": ISO_DATE, "period": PERIOD}.get(column.kind)
    limit = column.max_length or 0

    def is_plain(text: str) -> bool:
        if text[0].isspace() or text[-1].isspace() or text[0] in FORMULA_START or text[0] == "'":
            return False
        if shape is not None:  # a number of more than MAX_DIGITS characters may have too many digits: a closer look
            return text.isascii() and shape.fullmatch(text) is not None and (column.kind not in NUMBERS or len(text) <= MAX_DIGITS)
        if column.kind == "url":
            return PLAIN_URL.fullmatch(text) is not None and MAYBE_NOT_SOURCE.search(text) is None
        if column.kind == "text":
            return len(text) <= limit and not _MARKUP_CHARS.intersection(text)
        return True

    return is_plain


def check_cell(file: str, row: int, column: Column, text: str, unit: str | None) -> list[Problem]:
    found = []

    def add(code: str, **context) -> None:
        found.append(problem(code, file, row, column.name, text, **context))

    controls = CONTROL.findall(text)
    if controls:
        add("control-character", names="、".join(dict.fromkeys(f"U+{ord(c):04X}" for c in controls)))
    invisible = INVISIBLE.findall(text)
    if invisible:
        add("invisible-character", names="、".join(dict.fromkeys(invisible_name(c) for c in invisible)))
    clean = CONTROL.sub("", INVISIBLE.sub("", text))
    if clean[:1].isspace() or clean[-1:].isspace():
        where = "开头和末尾" if clean[:1].isspace() and clean[-1:].isspace() else ("开头" if clean[:1].isspace() else "末尾")
        add("whitespace", where=where, fixed=show(clean.strip()))
    clean = clean.strip()
    if clean[:1] == "'" and clean[1:2] and clean[1:2] in FORMULA_START:  # what the site's downloads add
        add("formula-protection")
        return found
    # A number column explains its own slips first: "-" is a placeholder, "+5" a plus sign, not formulas.
    explained = explain_number(clean, unit, column.required, column.measure) if column.kind in NUMBERS else None
    if explained is None and _formula(clean, column):
        add("formula", first=clean[0])
        return found
    if column.kind in NUMBERS and (explained is None or explained[0] == "scientific-notation"):
        digits = digit_count(clean) if PLAIN_NUMBER.fullmatch(clean) or explained else 0
        if digits > MAX_DIGITS:  # 400 nines would be read as infinity, 1 and 300 zeros printed with float noise
            explained = "number-too-long", {"digits": digits, "limit": MAX_DIGITS}
    if column.kind == "url" and clean:
        found.extend(url_problems(file, row, column.name, clean, written=text))
    if column.kind == "date":
        explained = explain_date(clean)
    elif column.kind == "period":
        explained = explain_period(clean)
    elif column.kind == "text":
        if column.max_length is not None and len(clean) > column.max_length:
            add("too-long", length=len(clean), limit=column.max_length)
        if _MARKUP_CHARS.intersection(clean):
            kinds = [name for name, pattern in MARKUP.items() if pattern.search(clean)]
            if kinds:
                what = "、".join(kinds)
                add("shown-literally", what=f" {what}" if what[0].isascii() else what)
    if explained:
        code, context = explained
        if code == "excel-date":
            context = {**context, "normalize": NORMALIZE_DATES.format(file=file) if context["normalize"] else ""}
        add(code, unit=unit, **context)
    return found


def check_mojibake(file: str, row: int, cols: list[Column], cells: list[str]) -> list[Problem]:
    """Cells that are UTF-8 text read in another encoding and saved again (mojibake.py), with what they likely were,
    and cells in which characters were lost on such a way or garbled punctuation was pasted in."""
    found = []
    for column, text in zip(cols, cells):
        if text.isascii():
            continue
        undone = unmangle(text)
        if undone:
            guess, codec = undone
            found.append(problem("mojibake", file, row, column.name, text, codec=CODEC_NAMES[codec], guess=show(guess, 40)))
            continue
        mark = lost_mark(text)
        if mark:
            found.append(problem("lost-characters" if mark[0] in "\ufffd锟" else "mojibake-fragment",
                                 file, row, column.name, text, mark=show(mark, 12)))
    return found


def _formula(clean: str, column: Column) -> bool:
    """Whether a cell would start a formula in Excel/WPS: plain numbers and the column's own choices never do."""
    return clean != "" and clean[0] in FORMULA_START and clean not in column.choices and PLAIN_NUMBER.fullmatch(clean) is None
