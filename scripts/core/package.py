"""Read a data package: its descriptor and its tables, typed by the package's own schema."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from scripts.core.casting import cast_row, caster
from scripts.core.jsontext import loads
from scripts.core.paths import DEFAULT_PACKAGE, ROOT  # noqa: F401 - ROOT re-exported for callers
from scripts.core.safety import resource_path

# The area id under which the package keeps city-wide figures (areas.csv); the method judges only these.
CITY_AREA = "quzhou"


@dataclass
class Package:
    """A data package as read from disk; tables hold one dict per CSV row."""

    path: Path
    descriptor: dict
    tables: dict[str, list[dict]] = field(default_factory=dict)

    @property
    def dir(self) -> Path:
        return self.path.parent

    @property
    def version(self) -> str:
        return self.descriptor.get("version", "")

    @property
    def plan(self) -> dict:
        return self.descriptor.get("plan", {})

    @property
    def is_demo(self) -> bool:
        return self.descriptor.get("demo", False) is True  # "否" or "false" in quotes must not mark real data fictional

    def resource(self, name: str) -> dict:
        for resource in self.descriptor["resources"]:
            if resource["name"] == name:
                return resource
        raise KeyError(name)

    def fields(self, name: str) -> list[dict]:
        return self.resource(name)["schema"]["fields"]

    def rows(self, name: str) -> list[dict]:
        return self.tables.get(name, [])

    def index(self, name: str, key: str = "id") -> dict:
        return {row[key]: row for row in self.rows(name)}


def read_descriptor(path: Path | str = DEFAULT_PACKAGE) -> tuple[Path, dict]:
    path = Path(path).resolve()
    return path, loads(path.read_text(encoding="utf-8-sig"))  # the validator accepts a UTF-8 BOM too; a repeated key raises


def read_package(path: Path | str = DEFAULT_PACKAGE) -> Package:
    """Read every resource, converting cells to the types the schema declares.

    The package is expected to be valid: run validation first. Empty cells become None. Even so, no file outside
    the package folder or behind a link is ever opened: that raises safety.UnsafePath.
    """
    path, descriptor = read_descriptor(path)
    package = Package(path=path, descriptor=descriptor)
    for resource in descriptor["resources"]:
        package.tables[resource["name"]] = read_table(resource_path(path.parent, resource["path"]), resource["schema"])
    return package


def read_table(csv_path: Path, schema: dict) -> list[dict]:
    """The non-blank rows of a CSV file, typed; raises casting.CellError naming file, Excel row and column."""
    casts = {f["name"]: caster(f) for f in schema["fields"]}
    kinds = {f["name"]: f.get("type", "string") for f in schema["fields"]}
    file = f"{csv_path.parent.name}/{csv_path.name}"
    with open(csv_path, encoding="utf-8-sig", newline="") as handle:
        records = list(csv.reader(handle))
    header = records[0] if records else []
    return [
        cast_row(casts, header, cells, (file, number), kinds)
        for number, cells in enumerate(records[1:], start=2)  # Excel rows: the header is row 1
        if any(cells)
    ]
