"""Read a data package: its descriptor and its tables, typed by the package's own schema."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from scripts.core.casting import cast_row, caster
from scripts.core.jsontext import loads
from scripts.core.paths import CHANGELOG, DEFAULT_PACKAGE
from scripts.core.safety import UnsafePath, resource_path

# The area id under which the package keeps city-wide figures (areas.csv); the method judges only these.
CITY_AREA = "quzhou"


@dataclass
class Package:
    """A data package as read from disk; tables hold one dict per CSV row."""

    path: Path
    descriptor: dict
    tables: dict[str, list[dict]] = field(default_factory=dict)
    # The bytes read, so that later stages (downloads, the change log page) never open the package's files again.
    descriptor_bytes: bytes = b""
    files: dict[str, bytes] = field(default_factory=dict)  # resource path -> the file's bytes
    changelog: str = ""  # data/CHANGELOG.md, "" when there is none

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
    """Read every resource, converting cells to the types the schema declares, and keep the bytes read.

    The package is expected to be valid: run validation first. Empty cells become None. Even so, no file outside
    the package folder or behind a link is ever opened: that raises safety.UnsafePath.
    """
    path = Path(path).resolve()
    raw = path.read_bytes()
    package = Package(path=path, descriptor=loads(raw.decode("utf-8-sig")), descriptor_bytes=raw)
    for resource in package.descriptor["resources"]:
        csv_path = resource_path(path.parent, resource["path"])
        data = package.files[resource["path"]] = csv_path.read_bytes()
        package.tables[resource["name"]] = read_table(csv_path, resource["schema"], data)
    package.changelog = _changelog(path.parent)
    return package


def _changelog(package_dir: Path) -> str:
    try:
        return resource_path(package_dir, CHANGELOG).read_text(encoding="utf-8")
    except (FileNotFoundError, UnsafePath):  # an unsafe change log is reported by validation; nothing is shown
        return ""


def read_table(csv_path: Path, schema: dict, data: bytes | None = None) -> list[dict]:
    """The non-blank rows of a CSV file (or of its bytes, already read), typed; raises casting.CellError naming
    file, Excel row and column."""
    casts = {f["name"]: caster(f) for f in schema["fields"]}
    kinds = {f["name"]: f.get("type", "string") for f in schema["fields"]}
    file = f"{csv_path.parent.name}/{csv_path.name}"
    data = csv_path.read_bytes() if data is None else data
    records = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    header = records[0] if records else []
    return [
        cast_row(casts, header, cells, (file, number), kinds)
        for number, cells in enumerate(records[1:], start=2)  # Excel rows: the header is row 1
        if any(cells)
    ]
