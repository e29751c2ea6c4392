"""CSV cells as the typed values the schema declares: only what a person means, otherwise a Chinese CellError.

Python's own int/float/fromisoformat take far more than a person means (nan, -Infinity, 1_200, full-width and
Arabic-Indic digits), so a number is ASCII decimal notation and a date is ASCII YYYY-MM-DD, nothing else.
"""

from __future__ import annotations

import datetime
import re

_INTEGER = re.compile(r"[+-]?\d+", re.ASCII)
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_KIND_WORDS = {"integer": "整数", "number": "数字", "date": "日期（如 2023-03-24）"}
# Digits a number may have, before and after the point together: a double holds 15 decimal digits exactly, so every
# such number is read, compared and printed as written; 400 nines would be infinity, 1 and 300 zeros float noise.
MAX_DIGITS = 15


class CellError(ValueError):
    """A cell that cannot be read as its column's type; `chinese` names the file, Excel row, column and value."""

    def __init__(self, file: str, row: int, column: str, value: str, kind: str):
        self.chinese = (f"{file} 第{row}行「{column}」的值“{value[:60]}”不是{_KIND_WORDS.get(kind, kind)}，无法读取。"
                        "请先运行 make validate，按提示改正这一格。")
        super().__init__(self.chinese)


def caster(field_descriptor: dict):
    """A function from a non-empty cell to its value; raises ValueError when the cell is not of the type."""
    kind = field_descriptor.get("type", "string")
    if kind == "integer":
        return lambda value: int(_sized(_checked(_INTEGER, value)))
    if kind == "number":
        return lambda value: float(_sized(_checked(_NUMBER, value)))
    if kind == "boolean":
        true_values = set(field_descriptor.get("trueValues", ["true", "True", "TRUE", "1"]))
        return lambda value: value in true_values
    if kind == "date":
        return lambda value: datetime.date.fromisoformat(_checked(_DATE, value))
    return str


def digit_count(text: str) -> int:
    """How many digits a plain decimal needs, without sign, leading zeros of the whole part or trailing zeros of the
    fraction: 2023 -> 4, 0.005 -> 1, 33.3333333333 -> 12, 1 followed by 300 zeros -> 301. An exponent counts too."""
    mantissa, _, exponent = text.lower().lstrip("+-").partition("e")
    whole, _, fraction = mantissa.partition(".")
    whole, fraction = whole.lstrip("0"), fraction.rstrip("0")
    count = len(whole) + len(fraction) if whole else len(fraction.lstrip("0"))
    shift = int(exponent) if exponent.lstrip("+-").isdigit() else 0
    return max(count, len(whole) + shift) if abs(shift) < 10_000 else 10_000


def _sized(value: str) -> str:
    if digit_count(value) > MAX_DIGITS:
        raise ValueError(value)
    return value


def _checked(pattern: re.Pattern, value: str) -> str:
    if not pattern.fullmatch(value):
        raise ValueError(value)
    return value


def cast_row(casts: dict, header: list[str], cells: list[str], where: tuple[str, int], kinds: dict[str, str]) -> dict:
    """One CSV record as {column: value}; empty or missing cells are None; raises CellError on a cell of the wrong type."""
    row = {}
    for name, value in zip(header, cells):
        if name not in casts or name in row:
            continue
        try:
            row[name] = casts[name](value) if value != "" else None
        except ValueError:
            raise CellError(where[0], where[1], name, value, kinds[name]) from None
    for name in header[len(cells):]:  # a short record: its missing cells are empty
        if name in casts:
            row.setdefault(name, None)
    return row
