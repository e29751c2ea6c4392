"""Names unique as a reader sees them: no two names of a table that look the same, no name in a compatibility form.

A table's name columns are its text columns the schema declares unique (areas, units and indicators by name).
Frictionless compares them byte for byte; a reader compares what the page shows, so 市经信局 and 市经信局 with an
invisible tag character, 大 and the Kangxi radical ⼤, or a Latin a and a Cyrillic а are the same name to them.
"""

from __future__ import annotations

import unicodedata

from scripts.core.lookalike import INVISIBLE, reader_form, skeleton
from scripts.validate.messages import show
from scripts.validate.problems import Problem, problem
from scripts.validate.rawcsv import RawTable

# Kangxi radicals and the CJK radicals supplement: shapes of ideographs that NFKC maps to the ideograph itself.
_RADICALS = ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF))


def name_columns(resource: dict) -> list[str]:
    """The columns whose values are names: unique text with no pattern (ids have one)."""
    return [f["name"] for f in resource["schema"]["fields"]
            if f.get("type", "string") == "string" and (f.get("constraints") or {}).get("unique")
            and "pattern" not in (f.get("constraints") or {}) and f.get("format") != "uri"]


def check_names(tables: dict[str, RawTable], descriptor: dict) -> list[Problem]:
    found = []
    for resource in descriptor["resources"]:
        table = tables.get(resource["name"])
        for column in name_columns(resource) if table else ():
            found.extend(_column_names(table, column))
    return found


def _column_names(table: RawTable, column: str) -> list[Problem]:
    index = table.header.index(column)
    seen: dict[str, tuple[int, str]] = {}
    found = []
    for number, cells in table.rows:
        value = cells[index] if index < len(cells) else ""
        clean = INVISIBLE.sub("", value).strip()
        if not clean:
            continue
        fixed = _normal_form(clean)
        if fixed != clean:
            found.append(problem("name-not-normal", table.file, number, column, value, fixed=show(fixed, 40),
                                 chars=_changed(clean)))
        key = skeleton(clean)
        if key in seen and seen[key][1] != value:
            other_row, other = seen[key]
            found.append(problem("name-lookalike", table.file, number, column, value, other=other_row,
                                 other_value=show(other, 40), why=_why(value, other)))
        seen.setdefault(key, (number, value))
    return found


def _normal_form(name: str) -> str:
    """The name with compatibility ideographs, radicals and decomposed letters written the usual way."""
    name = unicodedata.normalize("NFC", name)
    return "".join(unicodedata.normalize("NFKC", c) if any(a <= ord(c) <= b for a, b in _RADICALS) else c for c in name)


def _changed(name: str) -> str:
    """The characters that are not written the usual way, each with its code point."""
    chars = [c for c in dict.fromkeys(name) if _normal_form(c) != c]
    if not chars and unicodedata.normalize("NFC", name) != name:  # letters and separate accents, e.g. e + U+0301
        return "分开写的字母和附加符号"
    return "、".join(f"{c} U+{ord(c):04X}（应为 {_normal_form(c)} U+{ord(_normal_form(c)[0]):04X}）" for c in chars[:3])


def _why(value: str, other: str) -> str:
    if INVISIBLE.sub("", value).strip() == INVISIBLE.sub("", other).strip():
        return "只差看不见的字符"
    if reader_form(value).strip() == reader_form(other).strip():
        return "只是同一个字的不同写法：兼容字符、全角字符或分开写的附加符号"
    pairs = [(a, b) for a, b in zip(reader_form(value), reader_form(other)) if a != b]
    shown = "、".join(f"{a} U+{ord(a):04X} 和 {b} U+{ord(b):04X}" for a, b in pairs[:2])
    return f"有形状几乎相同的不同字符（{shown}）" if shown else "有形状几乎相同的不同字符"
