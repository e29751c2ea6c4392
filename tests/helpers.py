"""Small helpers that tests in several folders share: edit a copy of a package, flatten a report, list a site."""

from __future__ import annotations

import csv
import io
from pathlib import Path

OBS = "data/observations.csv"


def append(descriptor: Path, file: str, *lines: str) -> int:
    """Add CSV lines to a copy's file; return the Excel row number of the first one (header = row 1)."""
    path = descriptor.parent / file
    with open(path, encoding="utf-8", newline="") as handle:
        first = len(list(csv.reader(handle))) + 1
    with open(path, "a", encoding="utf-8", newline="") as handle:
        handle.write("".join(line + "\n" for line in lines))
    return first


def edit_cell(descriptor: Path, file: str, row: int, column: str, value: str) -> None:
    """Set one cell of a copy's file (row as Excel numbers it)."""
    path = descriptor.parent / file
    text = path.read_text(encoding="utf-8")
    bom = "\ufeff" if text.startswith("\ufeff") else ""  # the package's CSVs carry one; the edit keeps it
    records = list(csv.reader(io.StringIO(text.removeprefix(bom))))
    records[row - 1][records[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(records)
    path.write_text(bom + out.getvalue(), encoding="utf-8")


def flat(report) -> list[tuple]:
    """A validation report as (file, Excel row, column, code) of each problem, in report order."""
    return [(p.file, p.row, p.column, p.code) for p in report.problems]


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site by its path under the site, with its bytes."""
    return {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}
