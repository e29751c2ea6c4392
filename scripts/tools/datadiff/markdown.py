"""A package diff as Chinese Markdown for a pull request's job summary, every data text escaped."""

from __future__ import annotations

from scripts.tools.datadiff.diff import PackageDiff, ResourceDiff

MAX_TABLE_ROWS = 50
MAX_CELL_CHARS = 80
MAX_CHANGED_CELL_CHARS = 300
NO_CHANGE = "数据无变化"
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
