"""What a change does to the data package: rows, schema, version and progress status, compared with a git ref."""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from scripts.core.package import DEFAULT_PACKAGE, Package, read_package
from scripts.core.safety import UnsafePath
from scripts.progress.method import compute_progress

MAX_TABLE_ROWS = 50
MAX_CELL_CHARS = 80
MAX_CHANGED_CELL_CHARS = 300
NO_CHANGE = "数据无变化"


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
    before: str  # status labels, as the site shows them; "—" where the indicator had no result
    after: str


@dataclass
class PackageDiff:
    version_before: str
    version_after: str
    resources: list[ResourceDiff]
    metadata_changed: list[str]
    status_changes: list[StatusChange] | None  # None when progress could not be computed
    progress_error: str | None = None

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
    status_changes, progress_error = diff_progress(old, new)
    return PackageDiff(
        version_before=old.version,
        version_after=new.version,
        resources=resources,
        metadata_changed=metadata_changed,
        status_changes=status_changes,
        progress_error=progress_error,
    )


def diff_resource(old: Package | None, new: Package | None, name: str) -> ResourceDiff:
    current = new or old
    resource = current.resource(name)
    schema = resource["schema"]
    primary_key = schema.get("primaryKey") or [f["name"] for f in schema["fields"]]
    key_columns = [primary_key] if isinstance(primary_key, str) else list(primary_key)
    columns = [(f["name"], f.get("title", f["name"])) for f in schema["fields"]]
    result = ResourceDiff(name=name, title=resource.get("title", name), key_columns=key_columns, columns=columns)
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
    result.added = [row for key, row in new_rows.items() if key not in old_rows]
    result.removed = [row for key, row in old_rows.items() if key not in new_rows]
    for key, row in new_rows.items():
        before = old_rows.get(key)
        if before is None:
            continue
        cells = [
            CellChange(column, title, before.get(column), row.get(column))
            for column, title in compared
            if not same_value(before.get(column), row.get(column))
        ]
        if cells:
            result.changed.append(RowChange(key=key, cells=cells))
    return result


def row_key(row: dict, key_columns: list[str]) -> tuple:
    return tuple(row.get(column) for column in key_columns)


def same_value(a: object, b: object) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return a == b


def diff_progress(old: Package, new: Package) -> tuple[list[StatusChange] | None, str | None]:
    try:
        before, after = compute_progress(old), compute_progress(new)
    except Exception as error:  # noqa: BLE001 - any failure here must not hide the data diff
        return None, f"{type(error).__name__}: {error}"
    names = {**_indicator_names(old), **_indicator_names(new)}
    changes = []
    for indicator_id in list(after) + [i for i in before if i not in after]:
        old_result, new_result = before.get(indicator_id), after.get(indicator_id)
        old_status = getattr(old_result, "status", None)
        new_status = getattr(new_result, "status", None)
        if old_status == new_status:
            continue
        changes.append(
            StatusChange(
                indicator_id=indicator_id,
                name=names.get(indicator_id, indicator_id),
                before=getattr(old_result, "status_label", None) or "—",
                after=getattr(new_result, "status_label", None) or "—",
            )
        )
    return changes, None


def _indicator_names(package: Package) -> dict[str, str]:
    try:
        return {row["id"]: row.get("name") or row["id"] for row in package.rows("indicators")}
    except KeyError:
        return {}


# --- Markdown -------------------------------------------------------------------------------------------------

MARKDOWN_SPECIAL = set("\\`*_[]<>|~&!#")


def escape_cell(text: str, limit: int | None = MAX_CELL_CHARS) -> str:
    """Make any text safe inside a Markdown table cell: no table breaks, links, emphasis or HTML."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    escaped = "".join("\\" + ch if ch in MARKDOWN_SPECIAL else ch for ch in text)
    return escaped.replace("\n", "<br>")


def format_value(value: object) -> str:
    if value is None:
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def cell(value: object, limit: int | None = MAX_CELL_CHARS) -> str:
    return escape_cell(format_value(value), limit)


def row_cell(value: object) -> str:
    """A cell of an added or removed row, where an empty cell stays empty."""
    return "" if value is None else cell(value)


def table(header: list[str], rows: list[list[str]], max_rows: int) -> list[str]:
    lines = ["| " + " | ".join(escape_cell(h, None) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(r) + " |" for r in rows[:max_rows]]
    if len(rows) > max_rows:
        lines.append("")
        lines.append(f"……另有 {len(rows) - max_rows} 行未列出。")
    return lines


def render_markdown(diff: PackageDiff, base: str | None = None, max_rows: int = MAX_TABLE_ROWS) -> str:
    """The diff as Chinese Markdown for a pull request's job summary."""
    against = f"（与 `{base.replace('`', '')}` 相比）" if base else ""
    if not diff.has_changes:
        return f"{NO_CHANGE}{against}。\n"

    changed = [r for r in diff.resources if r.has_changes]
    totals = [sum(len(getattr(r, part)) for r in changed) for part in ("added", "removed", "changed")]
    lines = [
        "## 数据变化" + against,
        "",
        f"新增 {totals[0]} 行，删除 {totals[1]} 行，修改 {totals[2]} 行。",
        "",
        render_version(diff),
    ]
    if diff.metadata_changed:
        lines += ["", "数据包说明有变化：" + "、".join(f"`{escape_cell(k, None)}`" for k in diff.metadata_changed) + "。"]

    lines += ["", "| 表 | 新增 | 删除 | 修改 | 表结构 |", "|---|---|---|---|---|"]
    for r in changed:
        schema_note = {"added": "新表", "removed": "已删除的表"}.get(r.state, "有变化" if r.schema_changed else "")
        lines.append(f"| {escape_cell(r.title, None)}（{r.name}） | {len(r.added)} | {len(r.removed)} | {len(r.changed)} | {schema_note} |")

    lines += ["", *render_progress(diff)]
    for r in changed:
        lines += ["", *render_resource(r, max_rows)]
    return "\n".join(lines) + "\n"


def render_version(diff: PackageDiff) -> str:
    before, after = diff.version_before or "（无）", diff.version_after or "（无）"
    if before == after:
        return f"数据包版本：{escape_cell(after, None)}（未变）。"
    return f"数据包版本：{escape_cell(before, None)} → {escape_cell(after, None)}。"


def render_progress(diff: PackageDiff) -> list[str]:
    if diff.status_changes is None:
        return [f"无法计算进度变化（{escape_cell(diff.progress_error or '原因不明', 200)}）。"]
    if not diff.status_changes:
        return ["进度状态：没有指标的状态因此改变。"]
    rows = [
        [f"{cell(c.name)}（{cell(c.indicator_id)}）", cell(c.before), cell(c.after)] for c in diff.status_changes
    ]
    return [f"### 进度状态变化（{len(rows)} 项指标）", "", *table(["指标", "原状态", "新状态"], rows, MAX_TABLE_ROWS)]


def render_resource(r: ResourceDiff, max_rows: int) -> list[str]:
    lines = [f"### {escape_cell(r.title, None)}（{r.name}）"]
    titles = {**r.titles, **dict(r.columns)}

    def named(names: list[str]) -> str:
        return "、".join(f"{escape_cell(titles.get(n, n), None)}（{n}）" for n in names)

    if r.state == "added":
        lines += ["", "新增的表。"]
    elif r.state == "removed":
        lines += ["", "这张表已从数据包中删除。"]
    notes = []
    if r.fields_added:
        notes.append("新增列 " + named(r.fields_added))
    if r.fields_removed:
        notes.append("删除列 " + named(r.fields_removed))
    if r.fields_modified:
        notes.append("修改了列 " + named(r.fields_modified) + " 的定义")
    if r.key_changed:
        notes.append("主键、外键等表级定义有变化")
    if notes:
        lines += ["", "表结构有变化：" + "；".join(notes) + "。"]
    if r.properties_changed:
        lines += ["", "表的说明有变化：" + "、".join(f"`{k}`" for k in r.properties_changed) + "。"]

    headers = [title for _, title in r.columns]
    for label, rows in (("新增", r.added), ("删除", r.removed)):
        if rows:
            body = [[row_cell(row.get(name)) for name, _ in r.columns] for row in rows]
            lines += ["", f"{label} {len(rows)} 行：", "", *table(headers, body, max_rows)]
    if r.changed:
        key_header = " / ".join(titles.get(k, k) for k in r.key_columns)
        body = [
            [cell(" / ".join(format_value(v) for v in change.key)), escape_cell(c.title, None),
             cell(c.before, MAX_CHANGED_CELL_CHARS), cell(c.after, MAX_CHANGED_CELL_CHARS)]
            for change in r.changed
            for c in change.cells
        ]
        lines += ["", f"修改 {len(r.changed)} 行：", "", *table([key_header, "列", "原值", "新值"], body, max_rows)]
    return lines


# --- Reading the package at a git ref ------------------------------------------------------------------------


class DiffError(Exception):
    """A problem the contributor can act on, worded in Chinese."""


def git(repo: Path, *args: str) -> bytes:
    completed = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)
    if completed.returncode != 0:
        raise DiffError(completed.stderr.decode("utf-8", "replace").strip() or f"git {' '.join(args)} 失败")
    return completed.stdout


def checkout_package(ref: str, descriptor: Path, destination: Path) -> Path:
    """Write the package as it was at `ref` (descriptor and CSVs, from git) into destination.

    A file the ref does not have is written empty, so a table that did not exist yet reads as no rows.
    """
    descriptor = descriptor.resolve()
    repo = Path(git(descriptor.parent, "rev-parse", "--show-toplevel").decode().strip()).resolve()
    try:
        git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except DiffError:
        raise DiffError(f"找不到基准版本 {ref}：请确认已取得该分支或提交（如 git fetch origin）。") from None
    package_dir = PurePosixPath(descriptor.parent.relative_to(repo).as_posix())
    destination.mkdir(parents=True, exist_ok=True)
    target = destination / "datapackage.json"
    target.write_bytes(_show(repo, ref, package_dir / descriptor.name) or b'{"resources": []}')
    try:
        resources = json.loads(target.read_text(encoding="utf-8")).get("resources", [])
    except json.JSONDecodeError as error:
        raise DiffError(f"基准版本 {ref} 的 {descriptor.name} 不是有效的 JSON：{error}") from None
    for resource in resources:
        relative = PurePosixPath(resource["path"])
        if relative.is_absolute() or ".." in relative.parts:
            raise DiffError(f"基准版本 {ref} 中资源 {resource.get('name')} 的路径不在数据包目录内：{resource['path']}")
        path = destination / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_show(repo, ref, package_dir / relative) or b"")
    return target


def _show(repo: Path, ref: str, path: PurePosixPath) -> bytes | None:
    try:
        return git(repo, "show", f"{ref}:{path.as_posix().removeprefix('./')}")
    except DiffError:
        return None


def _read(path: Path, label: str) -> Package:
    try:
        return read_package(path)
    except UnsafePath as error:
        raise DiffError(f"无法读取{label}的数据包：{error.reason}请先运行 make validate 查看问题。") from None
    except Exception as error:  # noqa: BLE001 - whatever a package holds, staff get a Chinese line, not a traceback
        raise DiffError(f"无法读取{label}的数据包（{type(error).__name__}: {str(error)[:200]}）：请先运行 make validate 查看问题。") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Compare the data package with the one at a git ref; print Chinese Markdown.")
    parser.add_argument("base", metavar="BASE", help="git ref to compare against, e.g. origin/main or HEAD")
    parser.add_argument("--package", default=str(DEFAULT_PACKAGE), help="descriptor of the working-tree package")
    parser.add_argument("--output", help="write the Markdown here instead of standard output")
    args = parser.parse_args(argv)

    code = 0
    try:
        with tempfile.TemporaryDirectory(prefix="datadiff-") as tmp:
            old = _read(checkout_package(args.base, Path(args.package), Path(tmp)), f"基准版本 {args.base} ")
            new = _read(Path(args.package), "当前")
            markdown = render_markdown(diff_packages(old, new), base=args.base)
    except DiffError as error:
        markdown, code = f"无法比较数据变化：{escape_cell(str(error), None)}\n", 1
        print(error, file=sys.stderr)
    if args.output:
        Path(args.output).write_text(markdown, encoding="utf-8")
    else:
        sys.stdout.write(markdown)
    return code


if __name__ == "__main__":
    sys.exit(main())
