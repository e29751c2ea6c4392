"""Check a CSV file's header row against the column names its schema declares."""

from __future__ import annotations

from scripts.validate.messages import INVISIBLE, show
from scripts.validate.problems import Problem, problem
from scripts.validate.rawcsv import RawTable
from scripts.validate.rowshape import trailing_empty_labels


def check_header(table: RawTable, fields: list[dict]) -> list[Problem]:
    """Problems with row 1; when there are any, the file's rows cannot be read column by column."""
    expected = [f["name"] for f in fields]
    titles = {f["title"]: f["name"] for f in fields if f.get("title")}
    header = "、".join(expected)
    file = table.file
    if not table.header or not any(label.strip() for label in table.header):
        return [problem("empty-file", file, header=header)]
    title_rows = _title_rows(table, expected)
    if title_rows:
        title = next((label.strip() for label in table.header if label.strip()), "")
        rows = "第 1 行" if title_rows == 1 else f"第 1—{title_rows} 行"
        return _blocking([problem("title-row", file, 1, None, title, title=show(title, 30), header_row=title_rows + 1,
                                  rows=rows, header=header)], file)
    trailing = trailing_empty_labels(table.header)
    if trailing and _names(table.header[:-trailing]) == expected:
        return _blocking([problem("trailing-empty-columns", file, 1, count=trailing, commas="“" + "," * trailing + "”")], file)
    if len(table.header) == 1 and len(expected) > 1:
        for separator, name in ((";", "分号"), ("\t", "制表符"), ("，", "中文逗号")):
            if separator in table.header[0]:
                return _blocking([problem("wrong-delimiter", file, 1, delimiter=name)], file)

    found: list[Problem] = []
    names = []
    for label in table.header:
        clean = INVISIBLE.sub("", label).strip()
        if clean != label and clean in expected:
            found.append(problem("header-whitespace", file, 1, clean, label, label=show(label), expected=clean))
        elif clean in titles and clean not in expected:
            clean = titles[clean]
            found.append(problem("header-title", file, 1, clean, label, label=show(label), expected=clean, header=header))
        names.append(clean)

    for name in dict.fromkeys(n for n in names if names.count(n) > 1):
        found.append(problem("duplicate-column", file, 1, name if name in expected else None, name, label=show(name), header=header))
    for name in expected:
        if name not in names:
            found.append(problem("missing-column", file, None, name, header=header))
    for label in names:
        if label not in expected:
            found.append(problem("extra-column", file, 1, None, label, label=show(label), header=header))
    if not found and names != expected:
        for position, (label, name) in enumerate(zip(names, expected), start=1):
            if label != name:
                found.append(problem("column-order", file, 1, name, label, position=position, expected=name,
                                     label=show(label), header=header))
    return _blocking(found, file)


def _title_rows(table: RawTable, expected: list[str], look: int = 5) -> int:
    """How many rows (a merged title, a subtitle) stand above the real header; 0 when row 1 is the header."""
    if _names(table.header) == expected:
        return 0
    for number, cells in table.rows[:look]:
        if set(expected) <= set(_names(cells)):
            return number - 1
    return 0


def _names(labels: list[str]) -> list[str]:
    return [INVISIBLE.sub("", label).strip() for label in labels if label.strip()]


def _blocking(found: list[Problem], file: str) -> list[Problem]:
    return found + [problem("rows-not-checked", file)] if found else found
