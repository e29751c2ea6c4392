"""Normal data changes applied to a copy of the shipped package: a new figure, a correction (with its revision
record), a withdrawal and a removal.

Each step is a pull request as staff would send it: the CSV edited, then `make bump` against the step before
(the version raised by the rule: new figure minor, correction, withdrawal or removal patch; the date the footer shows; a
change log entry drafted from the change). The new figure is fictional and says so in its source. `python -m tests.datachange OUT` writes the steps into OUT/1-added,
OUT/2-corrected, OUT/3-withdrawn and OUT/4-removed (each a whole package) and prints the last one's descriptor;
`make test-data-change` runs the tests that read the shipped package against it, to show that no test asserts
what such a change alters.
"""

from __future__ import annotations

import csv
import datetime
import io
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from scripts.core import clock
from scripts.tools.check.bump import bump
from scripts.tools.datadiff.packages import Base
from tests.conftest import SHIPPED, copy_package

OBSERVATIONS = "data/observations.csv"
REVISIONS = "data/revisions.csv"
FICTIONAL_SOURCE = "测试用示例来源（虚构，只在测试里出现）"
FICTIONAL_URL = "https://example.org/test/new-figure"


@dataclass
class Step:
    name: str  # the folder: 1-added, 2-corrected, 3-withdrawn, 4-removed
    base: Path  # the package the step starts from
    descriptor: Path
    said: list[str]  # what make bump said


def read_rows(path: Path) -> tuple[str, list[str], list[dict]]:
    """(BOM or "", header, rows) of a CSV file, so that it can be written back as it was saved."""
    raw = path.read_text(encoding="utf-8")
    bom = "\ufeff" if raw.startswith("\ufeff") else ""
    reader = csv.DictReader(io.StringIO(raw.removeprefix("\ufeff"), newline=""))
    return bom, list(reader.fieldnames or []), list(reader)


def write_rows(path: Path, bom: str, header: list[str], rows: list[dict]) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(bom + out.getvalue(), encoding="utf-8")


def new_figure(package_dir: Path) -> dict:
    """A city figure for 2021 of the first percentage indicator (plan order) that has none yet."""
    _, _, indicators = read_rows(package_dir / "data" / "indicators.csv")
    _, _, observations = read_rows(package_dir / OBSERVATIONS)
    taken = {(o["indicator_id"], o["period"]) for o in observations if o["area_id"] == "quzhou"}
    indicator = next(i for i in sorted(indicators, key=lambda i: int(i["order"]))
                     if i["unit"] == "%" and (i["id"], "2021") not in taken)
    row = {"indicator_id": indicator["id"], "area_id": "quzhou", "period": "2021", "value": "12.5", "status": "final",
           "source": FICTIONAL_SOURCE, "source_url": FICTIONAL_URL, "source_type": "original", "original_publisher": "",
           "published": "2022-03-01", "note": "虚构的数字，只用于测试。"}
    return row


def apply_changes(out: Path, today: datetime.date | None = None, source: Path = SHIPPED) -> list[Step]:
    """Copy the package and apply the four changes, each in a folder of its own; return the steps in order."""
    today = today or clock.today()
    steps = []
    previous = source

    def step(name: str, edit) -> None:
        nonlocal previous
        descriptor = copy_package(previous, out / name)
        edit(descriptor.parent)
        steps.append(Step(name, previous, descriptor, bump(descriptor, Base(package=previous), today)))
        previous = descriptor

    def add(package_dir: Path) -> None:
        bom, header, rows = read_rows(package_dir / OBSERVATIONS)
        row = new_figure(package_dir)
        write_rows(package_dir / OBSERVATIONS, bom, header, [*rows, {k: row.get(k, "") for k in header}])

    def unrevised(package_dir: Path, rows: list[dict]) -> list[dict]:
        """Figures no revision names yet (the package may carry corrections of its own, or these very steps)."""
        _, _, revisions = read_rows(package_dir / REVISIONS)
        named = {key(r) for r in revisions}
        return [r for r in rows if key(r) not in named]

    def correct(package_dir: Path) -> None:
        bom, header, rows = read_rows(package_dir / OBSERVATIONS)
        first = unrevised(package_dir, rows)[0]
        previous = first["value"]
        value = float(previous)
        first["value"] = _number(value - 1 if value >= 1 else value + 1)
        write_rows(package_dir / OBSERVATIONS, bom, header, rows)
        revise(package_dir, first, "corrected", previous, "测试用的更正（虚构）：来源发布了修订数。")

    def withdraw(package_dir: Path) -> None:
        _, _, rows = read_rows(package_dir / OBSERVATIONS)
        revise(package_dir, unrevised(package_dir, rows)[0], "withdrawn", "", "测试用的撤回（虚构）：来源已删除这篇报道。")

    def remove(package_dir: Path) -> None:
        bom, header, rows = read_rows(package_dir / OBSERVATIONS)
        # a published figure that no revision names (the foreign key would break), not the one added
        rows.remove([r for r in unrevised(package_dir, rows) if r["source"] != FICTIONAL_SOURCE][-1])
        write_rows(package_dir / OBSERVATIONS, bom, header, rows)

    def revise(package_dir: Path, figure: dict, action: str, previous: str, reason: str) -> None:
        bom, header, rows = read_rows(package_dir / REVISIONS)
        row = {**{c: figure[c] for c in ("indicator_id", "area_id", "period", "status")},
               "date": today.isoformat(), "action": action, "previous_value": previous, "reason": reason}
        write_rows(package_dir / REVISIONS, bom, header, [*rows, row])

    step("1-added", add)
    step("2-corrected", correct)
    step("3-withdrawn", withdraw)
    step("4-removed", remove)
    return steps


def key(row: dict) -> tuple:
    return tuple(row[c] for c in ("indicator_id", "area_id", "period", "status"))


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() else f"{value:.10g}"


def main(argv: list[str]) -> int:
    """Write the steps afresh into OUT (whatever a run before left there is removed first); what each step did goes
    to standard error, and the last step's descriptor, alone, to standard output (make test-data-change reads it)."""
    out = Path(argv[0] if argv else "build/data-change").resolve()
    shutil.rmtree(out, ignore_errors=True)
    steps = apply_changes(out)
    for s in steps:
        print(f"{s.name}: {s.descriptor}", *s.said, sep="\n  ", file=sys.stderr)
    print(steps[-1].descriptor)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
