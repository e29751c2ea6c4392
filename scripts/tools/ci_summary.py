"""The validation report's problems as the Chinese Markdown of the check's summary (scripts/tools/check)."""

from __future__ import annotations

from scripts.tools.datadiff.markdown import MAX_TABLE_ROWS, table
from scripts.tools.summarytext import md

SEVERITY_LABELS = {"error": "错误", "warning": "提醒"}
SCHEMA_CODES = ("schema-change", "schema-addition")  # changes to datapackage.json's structure, for review


def render_problems(problems: list[dict], max_rows: int = MAX_TABLE_ROWS) -> str:
    errors = [p for p in problems if p.get("severity", "error") == "error"]
    warnings = [p for p in problems if p.get("severity", "error") != "error"]
    if not problems:
        return "数据校验通过。\n"
    if errors:
        heading = f"## 数据校验未通过：{len(errors)} 个错误" + (f"，{len(warnings)} 条提醒" if warnings else "")
        advice = "请按“怎样改”一栏改正数据后再提交；行号即 Excel 中的行号（表头是第 1 行）。"
    else:
        heading = f"## 数据校验通过，有 {len(warnings)} 条提醒"
        advice = "提醒不影响发布，但请确认这些数据无误。"
    rows = [
        [
            SEVERITY_LABELS.get(p.get("severity", "error"), md(str(p.get("severity")))),
            md(str(p.get("file") or "—")),
            "—" if p.get("row") in (None, "") else md(str(p["row"])),
            md(column_label(p)),
            "" if p.get("value") in (None, "") else md(str(p["value"])),
            md(str(p.get("message") or p.get("code") or ""), 300),
            md(str(p.get("fix") or ""), 300),
        ]
        for p in errors + warnings
    ]
    lines = [heading, "", advice, "", *render_schema_changes(problems),
             *table(["级别", "文件", "行", "列", "值", "问题", "怎样改"], rows, max_rows)]
    return "\n".join(lines) + "\n"


def render_schema_changes(problems: list[dict]) -> list[str]:
    """The pull request's changes to the package structure, listed first so that a reviewer cannot miss them."""
    changes = [p for p in problems if p.get("code") in SCHEMA_CODES]
    if not changes:
        return []
    lines = [f"### 结构变更：{len(changes)} 处，需要维护者审核", ""]
    lines += [f"- {SEVERITY_LABELS.get(p.get('severity'), '错误')}：{md(str(p.get('column') or '—'), 80)}："
              f"{md(str(p.get('message') or ''), 300)}" for p in changes]
    return lines + [""]


def render_left_off(left_off: list[dict]) -> str:
    """What the JSON report itself left out (it lists at most so many problems per file and kind)."""
    if not left_off:
        return ""
    total = sum(int(item.get("count", 0)) for item in left_off if isinstance(item, dict))
    return f"\n校验报告里另有 {total} 处同类问题未列出；请在本机运行 make validate 查看全部。\n"


def column_label(problem: dict) -> str:
    column, title = problem.get("column"), problem.get("column_title")
    if title and column and title != column:
        return f"{title}（{column}）"
    return title or column or "—"
