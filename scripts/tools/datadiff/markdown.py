"""A package diff as Chinese Markdown for a pull request's job summary, every data text escaped.

Rows are named as a reader knows them: an indicator, an area or a unit by its Chinese name (not its id), a value
with its unit, a period in words. Every string from the data, the descriptor or git goes through summarytext.md.
"""

from __future__ import annotations

from scripts.core.periods import parse_period
from scripts.core.words import DATA_STATUS_LABELS, SOURCE_TYPE_LABELS
from scripts.tools.datadiff.diff import PackageDiff, ResourceDiff
from scripts.tools.summarytext import md

MAX_TABLE_ROWS = 50
MAX_CHANGED_CELL_CHARS = 300
NO_CHANGE = "数据无变化"


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


def table(header: list[str], rows: list[list[str]], max_rows: int) -> list[str]:
    lines = ["| " + " | ".join(md(h, None) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(r) + " |" for r in rows[:max_rows]]
    if len(rows) > max_rows:
        lines.append("")
        lines.append(f"……另有 {len(rows) - max_rows} 行未列出。")
    return lines


class Namer:
    """How a cell of a row is shown: a referenced id as the name of what it names, a value with its unit."""

    def __init__(self, diff: PackageDiff, resource: ResourceDiff):
        self.diff, self.resource = diff, resource

    def text(self, column: str, value: object, row: dict | None = None) -> str:
        """The plain (unescaped) words for one cell."""
        if value is None:
            return ""
        target = self.resource.references.get(column) or ("indicators" if column == "id" and self.resource.name == "indicators" else None)
        if target and column != "id":
            name = self.diff.names.get(target, {}).get(str(value))
            if name:
                unit = self.diff.units.get(str(value)) if target == "indicators" else None
                return f"{name}（{unit}）" if unit else name
        if column == "value" and row and row.get("indicator_id") is not None:
            return format_value(value) + self.diff.units.get(str(row["indicator_id"]), "")
        if column == "status" and self.resource.name in ("observations", "revisions"):
            return DATA_STATUS_LABELS.get(str(value), format_value(value))
        if column == "source_type" and self.resource.name == "observations":
            return SOURCE_TYPE_LABELS.get(str(value), format_value(value))
        if column == "period":
            try:
                return parse_period(str(value)).label
            except ValueError:
                pass
        return format_value(value)

    def key(self, key: tuple) -> str:
        row = dict(zip(self.resource.key_columns, key))
        return " / ".join(self.text(column, value, row) for column, value in row.items())


def render_markdown(diff: PackageDiff, base: str | None = None, max_rows: int = MAX_TABLE_ROWS) -> str:
    """The diff as Chinese Markdown for a pull request's job summary."""
    against = f"（与 {md(base, 120)} 相比）" if base else ""
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
        lines += ["", "数据包说明有变化：" + "、".join(md(k, 80) for k in diff.metadata_changed) + "。"]

    lines += ["", "| 表 | 新增 | 删除 | 修改 | 表结构 |", "|---|---|---|---|---|"]
    for r in changed:
        schema_note = {"added": "新表", "removed": "已删除的表"}.get(r.state, "有变化" if r.schema_changed else "")
        lines.append(f"| {md(r.title, 80)}（{md(r.name, 80)}） | {len(r.added)} | {len(r.removed)} | {len(r.changed)} | {schema_note} |")

    lines += ["", *render_progress(diff)]
    for r in changed:
        lines += ["", *render_resource(diff, r, max_rows)]
    return "\n".join(lines) + "\n"


def render_version(diff: PackageDiff) -> str:
    before, after = diff.version_before or "（无）", diff.version_after or "（无）"
    if before == after:
        return f"数据包版本：{md(after, 40)}（未变）。"
    return f"数据包版本：{md(before, 40)} → {md(after, 40)}。"


def render_progress(diff: PackageDiff) -> list[str]:
    if diff.status_changes is None:
        return [f"无法计算进度变化（{md(diff.progress_error or '原因不明', 200)}）。"]
    if not diff.status_changes:
        return ["读者看到的指标状态：没有变化。"]
    units = diff.units
    rows = [
        [md(f"{c.name}（{units[c.indicator_id]}）" if units.get(c.indicator_id) else c.name), md(c.before, 120), md(c.after, 120)]
        for c in diff.status_changes
    ]
    return [f"### 读者看到的指标状态有变化（{len(rows)} 项指标，写法与网站一致）", "",
            *table(["指标", "原来", "现在"], rows, MAX_TABLE_ROWS)]


def render_resource(diff: PackageDiff, r: ResourceDiff, max_rows: int) -> list[str]:
    lines = [f"### {md(r.title, 80)}（{md(r.name, 80)}）"]
    titles = {**r.titles, **dict(r.columns)}
    namer = Namer(diff, r)

    def named(names: list[str]) -> str:
        return "、".join(f"{md(titles.get(n, n), 80)}（{md(n, 80)}）" for n in names)

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
        lines += ["", "表的说明有变化：" + "、".join(md(k, 80) for k in r.properties_changed) + "。"]

    headers = [title for _, title in r.columns]
    for label, rows in (("新增", r.added), ("删除", r.removed)):
        if rows:
            body = [[md(namer.text(name, row.get(name), row)) for name, _ in r.columns] for row in rows]
            lines += ["", f"{label} {len(rows)} 行：", "", *table(headers, body, max_rows)]
    if r.changed:
        key_header = " / ".join(titles.get(k, k) for k in r.key_columns)
        body = []
        for change in r.changed:
            row = dict(zip(r.key_columns, change.key))
            for c in change.cells:
                body.append([md(namer.key(change.key)), md(c.title, 80),
                             md(namer.text(c.column, c.before, row) or "（空）", MAX_CHANGED_CELL_CHARS),
                             md(namer.text(c.column, c.after, row) or "（空）", MAX_CHANGED_CELL_CHARS)])
        lines += ["", f"修改 {len(r.changed)} 行：", "", *table([key_header, "列", "原值", "新值"], body, max_rows)]
    return lines
