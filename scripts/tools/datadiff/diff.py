"""What changed between two packages: rows by primary key, schema, descriptor, version and progress status."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from scripts.core.package import Package
from scripts.progress import method as progress_method
from scripts.core.revisions import current_observations
from scripts.progress.standing import standing

# A key column that says which version of a row this is, not which row: a provisional figure and the final figure
# for the same indicator, area and period are one figure that changed, not one deleted and one added.
VERSION_COLUMNS = frozenset({"status"})


@dataclass
class CellChange:
    column: str
    title: str
    before: object
    after: object


@dataclass
class RowChange:
    key: tuple
    cells: list[CellChange]


@dataclass
class ResourceDiff:
    name: str
    title: str
    key_columns: list[str]
    columns: list[tuple[str, str]]  # (name, Chinese title), in the newer schema's order
    references: dict[str, str] = field(default_factory=dict)  # column -> the resource its single-column foreign key names
    titles: dict[str, str] = field(default_factory=dict)  # Chinese titles of the columns of both schemas
    state: str = "kept"  # kept | added | removed: whether the resource itself is new or gone
    added: list[dict] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    changed: list[RowChange] = field(default_factory=list)
    fields_added: list[str] = field(default_factory=list)
    fields_removed: list[str] = field(default_factory=list)
    fields_modified: list[str] = field(default_factory=list)
    key_changed: bool = False
    properties_changed: list[str] = field(default_factory=list)

    @property
    def schema_changed(self) -> bool:
        return bool(self.fields_added or self.fields_removed or self.fields_modified or self.key_changed)

    @property
    def has_changes(self) -> bool:
        return bool(
            self.state != "kept" or self.added or self.removed or self.changed or self.schema_changed or self.properties_changed
        )


@dataclass
class StatusChange:
    indicator_id: str
    name: str
    before: str  # the status as a reader sees it on the site (progress.standing); "—" where the indicator had none
    after: str


@dataclass
class PackageDiff:
    version_before: str
    version_after: str
    resources: list[ResourceDiff]
    metadata_changed: list[str]
    status_changes: list[StatusChange] | None  # None when progress could not be computed
    progress_error: str | None = None
    names: dict[str, dict[str, str]] = field(default_factory=dict)  # resource -> id -> its name, newer package first
    units: dict[str, str] = field(default_factory=dict)  # indicator id -> the unit its values are in
    created_before: str = ""
    created_after: str = ""

    @property
    def has_changes(self) -> bool:
        return bool(
            self.version_before != self.version_after
            or self.metadata_changed
            or any(r.has_changes for r in self.resources)
            or self.status_changes
        )


def diff_packages(old: Package, new: Package) -> PackageDiff:
    """Compare two packages table by table, keyed by each resource's primaryKey."""
    old_names = [r["name"] for r in old.descriptor.get("resources", [])]
    new_names = [r["name"] for r in new.descriptor.get("resources", [])]
    names = new_names + [n for n in old_names if n not in new_names]
    resources = [
        diff_resource(old if name in old_names else None, new if name in new_names else None, name) for name in names
    ]
    metadata_keys = (set(old.descriptor) | set(new.descriptor)) - {"resources", "version"}
    metadata_changed = sorted(k for k in metadata_keys if old.descriptor.get(k) != new.descriptor.get(k))
    metadata_changed = [k for k in metadata_changed if k != "created"]  # the date goes with the version
    status_changes, progress_error = diff_progress(old, new)
    return PackageDiff(
        version_before=old.version,
        version_after=new.version,
        resources=resources,
        metadata_changed=metadata_changed,
        status_changes=status_changes,
        progress_error=progress_error,
        names=_names(old, new),
        units={**_units(old), **_units(new)},
        created_before=str(old.descriptor.get("created") or ""),
        created_after=str(new.descriptor.get("created") or ""),
    )


def diff_resource(old: Package | None, new: Package | None, name: str) -> ResourceDiff:
    current = new or old
    resource = current.resource(name)
    schema = resource["schema"]
    primary_key = schema.get("primaryKey") or [f["name"] for f in schema["fields"]]
    key_columns = [primary_key] if isinstance(primary_key, str) else list(primary_key)
    columns = [(f["name"], f.get("title", f["name"])) for f in schema["fields"]]
    result = ResourceDiff(name=name, title=resource.get("title", name), key_columns=key_columns, columns=columns,
                          references=_references(schema))
    if old is None:
        result.state, result.added = "added", list(new.rows(name))
        return result
    if new is None:
        result.state, result.removed = "removed", list(old.rows(name))
        return result

    old_resource, new_resource = old.resource(name), new.resource(name)
    old_fields = {f["name"]: f for f in old_resource["schema"]["fields"]}
    new_fields = {f["name"]: f for f in new_resource["schema"]["fields"]}
    result.fields_added = [n for n in new_fields if n not in old_fields]
    result.fields_removed = [n for n in old_fields if n not in new_fields]
    result.fields_modified = [n for n in new_fields if n in old_fields and new_fields[n] != old_fields[n]]
    other_schema_keys = (set(old_resource["schema"]) | set(new_resource["schema"])) - {"fields"}
    result.key_changed = any(old_resource["schema"].get(k) != new_resource["schema"].get(k) for k in other_schema_keys)
    result.properties_changed = sorted(
        k for k in (set(old_resource) | set(new_resource)) - {"schema", "name"} if old_resource.get(k) != new_resource.get(k)
    )
    result.titles = {n: f.get("title", n) for n, f in {**old_fields, **new_fields}.items()}
    # A column added or dropped is reported once, as a schema change, rather than as a change in every row.
    compared = [(column, title) for column, title in columns if column in old_fields]

    # Duplicate keys are a validation error; here the last row with a key stands for it.
    old_rows = {row_key(row, key_columns): row for row in old.rows(name)}
    new_rows = {row_key(row, key_columns): row for row in new.rows(name)}
    added = {key: row for key, row in new_rows.items() if key not in old_rows}
    removed = {key: row for key, row in old_rows.items() if key not in new_rows}
    pairs = [(key, old_rows[key], row) for key, row in new_rows.items() if key in old_rows]
    pairs += same_row_new_version(removed, added, key_columns)
    result.added, result.removed = list(added.values()), list(removed.values())
    for key, before, row in pairs:
        cells = [
            CellChange(column, title, before.get(column), row.get(column))
            for column, title in compared
            if not same_value(before.get(column), row.get(column))
        ]
        if cells:
            result.changed.append(RowChange(key=key, cells=cells))
    return result


def same_row_new_version(removed: dict, added: dict, key_columns: list[str]) -> list[tuple]:
    """Take out of removed and added each pair of rows whose keys differ only in a version column (status) and
    that are the only ones for their key: (new key, old row, new row)."""
    identity = [i for i, column in enumerate(key_columns) if column not in VERSION_COLUMNS]
    if len(identity) == len(key_columns):
        return []

    def grouped(rows: dict) -> dict:
        groups: dict[tuple, list] = {}
        for key in rows:
            groups.setdefault(tuple(key[i] for i in identity), []).append(key)
        return groups

    old_groups, new_groups = grouped(removed), grouped(added)
    pairs = []
    for same, new_keys in new_groups.items():
        old_keys = old_groups.get(same, [])
        if len(old_keys) == 1 and len(new_keys) == 1:
            pairs.append((new_keys[0], removed.pop(old_keys[0]), added.pop(new_keys[0])))
    return pairs


def _references(schema: dict) -> dict[str, str]:
    result = {}
    for key in schema.get("foreignKeys") or []:
        fields, target = key.get("fields"), (key.get("reference") or {}).get("resource")
        fields = [fields] if isinstance(fields, str) else fields
        if isinstance(fields, list) and len(fields) == 1 and isinstance(target, str) and target:
            result[fields[0]] = target
    return result


def _names(old: Package, new: Package) -> dict[str, dict[str, str]]:
    """resource -> id -> name, for every resource whose rows have an id and a name (the newer name wins)."""
    names: dict[str, dict[str, str]] = {}
    for package in (old, new):
        for name, rows in package.tables.items():
            for row in rows:
                if row.get("id") is not None and row.get("name"):
                    names.setdefault(name, {})[str(row["id"])] = str(row["name"])
    return names


def _units(package: Package) -> dict[str, str]:
    return {str(row["id"]): str(row.get("unit") or "") for row in package.rows("indicators") if row.get("id") is not None}


def row_key(row: dict, key_columns: list[str]) -> tuple:
    return tuple(row.get(column) for column in key_columns)


def same_value(a: object, b: object) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return a == b


def diff_progress(old: Package, new: Package) -> tuple[list[StatusChange] | None, str | None]:
    try:
        # Called through its module, so that a stand-in patched onto scripts.progress.method is the one used.
        before, after = progress_method.compute_progress(old), progress_method.compute_progress(new)
    except Exception as error:  # noqa: BLE001 - any failure here must not hide the data diff
        return None, f"{type(error).__name__}: {error}"
    names = {**_indicator_names(old), **_indicator_names(new)}
    changes = []
    for indicator_id in list(after) + [i for i in before if i not in after]:
        old_label = reader_status(old, before, indicator_id)
        new_label = reader_status(new, after, indicator_id)
        if old_label != new_label:
            changes.append(StatusChange(indicator_id, names.get(indicator_id, indicator_id), old_label, new_label))
    return changes, None


def reader_status(package: Package, results: dict, indicator_id: str) -> str:
    """The status badge a reader sees on the indicator's page, by the site's own function; "—" without a result."""
    if indicator_id not in results:
        return "—"
    areas = [row["area_id"] for row in current_observations(package) if row.get("indicator_id") == indicator_id]
    return standing(results[indicator_id], areas).label


def _indicator_names(package: Package) -> dict[str, str]:
    try:
        return {row["id"]: row.get("name") or row["id"] for row in package.rows("indicators")}
    except KeyError:
        return {}
