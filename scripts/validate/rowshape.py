"""The shape of the rows as Excel, WPS or a hand edit leaves them: separators at the end of rows, a row typed with
full-width commas, a quote that is never closed. Each is named with its row and its fix; while any is there, the
file's cells are not checked one by one (every cell after the slip would be reported in the wrong column)."""

from __future__ import annotations

import re

from scripts.validate.problems import Problem, problem
from scripts.validate.rawcsv import RawTable

FULL_WIDTH_COMMA = "，"
_SEPARATORS = re.compile("[,，]")


def trailing_empty_labels(header: list[str]) -> int:
    """How many empty labels end the header row (Excel writes them for columns once touched: `note,,`)."""
    count = 0
    for label in reversed(header):
        if label.strip():
            break
        count += 1
    return count


def split_full_width(cells: list[str], width: int) -> list[str] | None:
    """The row's cells when it was typed with full-width commas as separators; None when that is not the case.

    Only when splitting at every comma, full-width or not, gives exactly the header's number of cells.
    """
    joined = ",".join(cells)
    if FULL_WIDTH_COMMA not in joined or len(cells) >= width:
        return None
    parts = _SEPARATORS.split(joined)
    return parts if len(parts) == width else None


def unclosed_quote(cells: list[str], width: int) -> int | None:
    """The index of a cell that swallowed the following lines because its opening quote was never closed."""
    for index, cell in enumerate(cells):
        if "\n" in cell:
            rest = cell.split("\n", 1)[1].split("\n", 1)[0]
            if rest.count(",") >= max(1, width - 2):  # the next line read as text looks like a row of its own
                return index
    return None


def check_rows(table: RawTable, expected: list[str]) -> list[Problem]:
    """Problems with the shape of rows in a file whose header is right."""
    width = len(expected)
    found = []
    for number, cells in table.rows:
        quote = unclosed_quote(cells, width)
        if quote is not None:
            swallowed = cells[quote].count("\n")
            found.append(problem("unclosed-quote", table.file, number, expected[quote] if quote < width else None,
                                 cells[quote].split("\n", 1)[0], lines=swallowed))
            break  # everything after it is part of that cell
        if len(cells) > width and not any(cell.strip() for cell in cells[width:]):
            found.append(problem("trailing-separators", table.file, number, count=len(cells) - width))
        elif split_full_width(cells, width) is not None:
            found.append(problem("full-width-separator", table.file, number, None, ",".join(cells),
                                 cells=len(cells), width=width))
    if found:
        found.append(problem("rows-not-checked-shape", table.file))
    return found
