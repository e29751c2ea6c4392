"""Writing and counting the package's CSV files, in the schema's column order."""

from __future__ import annotations

import csv
import datetime
from pathlib import Path

from scripts.core.package import read_descriptor


def write_tables(out_dir: Path, descriptor: dict, tables: dict[str, list[dict]]) -> None:
    """Write each resource's CSV with the schema's columns, in the schema's order."""
    for resource in descriptor["resources"]:
        fields = resource["schema"]["fields"]
        columns = [f["name"] for f in fields]
        rows = tables[resource["name"]]
        with open(out_dir / resource["path"], "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(columns)
            for row in rows:
                if set(row) != set(columns):
                    raise ValueError(f"{resource['name']}: row has columns {sorted(row)}, the schema has {columns}")
                writer.writerow(cell(row[f["name"]], f) for f in fields)


def cell(value, field: dict) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return (field.get("trueValues") or ["true"])[0] if value else (field.get("falseValues") or ["false"])[0]
    if isinstance(value, float):
        text = f"{value:.4f}".rstrip("0").rstrip(".")
        return "0" if text == "-0" else text
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)

def count_rows(descriptor_path: Path | str) -> dict[str, int]:
    """Data rows per resource of a written package."""
    path, descriptor = read_descriptor(descriptor_path)
    counts = {}
    for resource in descriptor["resources"]:
        with open(path.parent / resource["path"], encoding="utf-8", newline="") as handle:
            counts[resource["name"]] = sum(1 for _ in csv.reader(handle)) - 1
    return counts
