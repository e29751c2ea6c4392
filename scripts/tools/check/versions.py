"""The version rule: what a change requires, whether the version, its date and the change log follow it, and what
to write when they do not.

New figures (or unit reports) raise the minor version, corrections and removals the patch version, changes to the
structure (datapackage.json's tables, columns, types, keys and rules) the major version. The version is x.y.z and
never goes back; `created` in datapackage.json is the date the version was made (the site's footer shows it), and
data/CHANGELOG.md has an entry "## x.y.z — YYYY-MM-DD" with the same date at the top.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from scripts.core.paths import CHANGELOG
from scripts.tools.datadiff.diff import PackageDiff, ResourceDiff, row_key
from scripts.tools.datadiff.markdown import Namer, format_value

SEMVER = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)", re.ASCII)
LEVELS = ("patch", "minor", "major")
LEVEL_WORDS = {"major": "主版本号", "minor": "次版本号", "patch": "修订号"}
# Tables whose new rows are new published facts (a minor version); new rows elsewhere correct the transcription.
NEW_FACT_RESOURCES = ("observations", "task_reports")
# Descriptor keys that describe the package; a change to any other key (resources, plan, rules) is structure.
DESCRIPTIVE_KEYS = frozenset({"title", "description", "sources", "licenses", "keywords", "contributors", "homepage"})
# "## 1.2.0 — 2026-12-06": a version heading of the change log (an em dash, or a plain or en dash).
HEADING = re.compile(r"^##\s+(?P<version>\S+)\s+[—–-]+\s+(?P<date>\S+)\s*$")


@dataclass
class Requirement:
    """The smallest version step the change needs (None: no data changed), and why, in Chinese."""

    level: str | None
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Finding:
    """One way the version, the date or the change log does not follow the rule: what is wrong and what to do."""

    message: str
    fix: str


def required_level(diff: PackageDiff) -> Requirement:
    """major for structure, minor for new figures or reports, patch for any other change to the data."""
    found: dict[str, list[str]] = {level: [] for level in LEVELS}
    structural = [k for k in diff.metadata_changed if k not in DESCRIPTIVE_KEYS]
    if structural:
        found["major"].append("改动了数据包的结构或规则（" + "、".join(structural) + "）")
    for r in diff.resources:
        if r.state != "kept" or r.schema_changed or r.properties_changed:
            found["major"].append(f"改动了表结构（{r.title}）")
            continue
        new_facts = r.name in NEW_FACT_RESOURCES
        if r.added:
            found["minor" if new_facts else "patch"].append(f"{r.title}新增 {len(r.added)} 行")
        finals = [c for c in r.changed if _became_final(c)]
        if finals:
            found["minor"].append(f"{r.title}有 {len(finals)} 个正式数替代了初步数")
        if len(r.changed) > len(finals):
            found["patch"].append(f"{r.title}修改 {len(r.changed) - len(finals)} 行")
        if r.removed:
            found["patch"].append(f"{r.title}删除 {len(r.removed)} 行")
    descriptive = [k for k in diff.metadata_changed if k in DESCRIPTIVE_KEYS]
    if descriptive:
        found["patch"].append("改动了数据包说明（" + "、".join(descriptive) + "）")
    for level in reversed(LEVELS):
        if found[level]:
            return Requirement(level, [reason for lvl in reversed(LEVELS) for reason in found[lvl]])
    return Requirement(None)


def _became_final(change) -> bool:
    return any(c.column == "status" and c.before == "provisional" and c.after == "final" for c in change.cells)


def parse_version(text: str) -> tuple[int, int, int] | None:
    match = SEMVER.fullmatch(text or "")
    return tuple(int(part) for part in match.groups()) if match else None


def next_version(version: str, level: str) -> str:
    major, minor, patch = parse_version(version)
    return {"major": f"{major + 1}.0.0", "minor": f"{major}.{minor + 1}.0", "patch": f"{major}.{minor}.{patch + 1}"}[level]


def changelog_headings(text: str) -> list[tuple[int, str, str]]:
    """(line number, version, date) of every version heading, top first."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = HEADING.match(line)
        if match:
            found.append((number, match["version"], match["date"]))
    return found


def date_of(created: str) -> str:
    """The date part of `created` (2026-12-06T00:00:00Z -> 2026-12-06); "" when it is not a date."""
    try:
        return datetime.date.fromisoformat(str(created)[:10]).isoformat()
    except ValueError:
        return ""


def check_version(diff: PackageDiff, changelog: str, today: datetime.date) -> tuple[Requirement, list[Finding]]:
    """The requirement and every way the new version, its date and the change log miss it (none: all is right)."""
    need = required_level(diff)
    before, after = diff.version_before, diff.version_after
    if parse_version(after) is None:
        example = next_version(before, need.level or "patch") if parse_version(before) else "1.2.0"
        return need, [Finding(f"datapackage.json 的 version 写成了“{after}”，不是“主版本号.次版本号.修订号”的写法。",
                              f"请写成三个用点隔开的整数，如 \"version\": \"{example}\"（不加 v，不写汉字）。")]
    if parse_version(before) is None:
        return need, []  # the base breaks the rule itself: nothing to compare with
    if parse_version(after) < parse_version(before):
        return need, [Finding(f"版本号从 {before} 变成了 {after}，变小了。",
                              f"版本号只能变大：请从 {before} 往上升（{_allowed_text(before, need.level)}）。")]
    if need.level is None:
        if after != before:
            return need, [Finding(f"数据没有变化，版本号却从 {before} 改成了 {after}。",
                                  f"请把 datapackage.json 的 version 改回 {before}；只有数据变了才升版本号。")]
        return need, []
    found = []
    allowed = [next_version(before, level) for level in LEVELS[LEVELS.index(need.level):]]
    expected = allowed[0]
    why = "；".join(need.reasons)
    if after == before:
        found.append(Finding(f"这次改动（{why}）要升{LEVEL_WORDS[need.level]}，datapackage.json 的 version 还是 {before}。",
                             f"请把 version 改成 \"{expected}\"（或运行 make bump 自动改好）。"))
    elif after not in allowed:
        found.append(Finding(f"这次改动（{why}）要升{LEVEL_WORDS[need.level]}：{before} 之后应是 {expected}，写的是 {after}。",
                             f"请把 version 改成 \"{expected}\"。"))
    version = after if after in allowed else expected
    date = date_of(diff.created_after)
    today_text = today.isoformat()
    if date != today_text and (not date or date <= date_of(diff.created_before) or date > today_text):
        found.append(Finding(f"datapackage.json 的 created（网站页脚显示的数据日期）是“{diff.created_after or '（空）'}”，没有随版本更新。",
                             f"请改成这个版本的日期，如 \"created\": \"{today_text}T00:00:00Z\"。"))
        date = today_text
    found += check_changelog_entry(changelog, version, date, diff)
    return need, found


def _allowed_text(before: str, level: str | None) -> str:
    levels = LEVELS[LEVELS.index(level):] if level else LEVELS
    return "可以是 " + "、".join(next_version(before, lvl) for lvl in levels)


def check_changelog_entry(changelog: str, version: str, date: str, diff: PackageDiff) -> list[Finding]:
    headings = changelog_headings(changelog)
    entry = changelog_entry(diff, version, date)
    mine = [h for h in headings if h[1] == version]
    if not mine:
        return [Finding(f"{CHANGELOG} 里没有 {version} 这个版本的条目。",
                        f"请在 {CHANGELOG} 第一个“## ”版本标题之前加上下面这几行（数据来源和原因请核对补全），"
                        "或运行 make bump 自动写好：\n" + "\n".join(entry))]
    found = []
    line, _, written = mine[0]
    if headings[0][1] != version:
        found.append(Finding(f"{CHANGELOG} 第{line}行的 {version} 条目不在最上面。", "请把它移到其他版本条目之前。"))
    if written != date:
        found.append(Finding(f"{CHANGELOG} 第{line}行的日期是“{written}”，datapackage.json 的 created 是 {date}。",
                             f"两处要写同一天：请把这一行改成“## {version} — {date}”。"))
    return found


# ---- what the change log says about a change ---------------------------------------------------------------------

# Characters the change log's own checks refuse or read as markup (scripts/validate/changelog.py), written as their
# full-width forms in a drafted entry, so that text copied from the data never makes the draft invalid.
_CHANGELOG_SAFE = str.maketrans({"<": "＜", ">": "＞", "{": "｛", "}": "｝", "[": "［", "]": "］", "*": "＊", "`": "'"})


def changelog_entry(diff: PackageDiff, version: str, date: str) -> list[str]:
    """The lines of a change log entry for this diff: the heading, then one item per change, in plain Chinese."""
    items = describe_changes(diff)
    return [f"## {version} — {date}", "", *(f"- {item}" for item in items)] if items else [f"## {version} — {date}"]


def describe_changes(diff: PackageDiff) -> list[str]:
    items = []
    structural = [k for k in diff.metadata_changed if k not in DESCRIPTIVE_KEYS]
    if structural:
        items.append("改动数据包的结构或规则：" + "、".join(structural) + "（请写明为什么改）。")
    # A corrected figure and its revision record are one correction: said once, with the record's date and reason.
    revisions = next((r for r in diff.resources if r.name == "revisions"), None)
    corrections = {_key(row): row for row in (revisions.added if revisions else []) if row.get("action") == "corrected"}
    told: set[tuple] = set()
    for r in diff.resources:
        if r.state != "kept" or r.schema_changed or r.properties_changed:
            items.append(f"改动表结构：{r.title}（请写明为什么改）。")
        namer = Namer(diff, r)
        items += [_described_added(r, namer, row) for row in r.added if not (r.name == "revisions" and _key(row) in told)]
        for change in r.changed:
            record = corrections.get(tuple(change.key)) if r.name == "observations" else None
            if record is not None:
                told.add(_key(record))
            items.append(_described_change(r, namer, change, record))
        items += [_described_removed(r, namer, row) for row in r.removed]
    descriptive = [k for k in diff.metadata_changed if k in DESCRIPTIVE_KEYS]
    if descriptive:
        items.append("更正数据包说明：" + "、".join(descriptive) + "。")
    return [_plain(item) for item in items]


def _key(row: dict) -> tuple:
    return tuple(row.get(column) for column in ("indicator_id", "area_id", "period", "status"))


def _why(row: dict) -> str:
    return f"{format_value(row.get('date'))}；原因：{(row.get('reason') or '请写明').rstrip('。')}"


def _plain(text: str) -> str:
    cleaned = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(cleaned.translate(_CHANGELOG_SAFE).split())


def _figure(namer: Namer, row: dict) -> str:
    """indicator, area, period and value of an observation: 制造业投资年均增长（%） 衢州市 2023年 41.5%."""
    return " ".join(namer.text(column, row.get(column), row) for column in ("indicator_id", "area_id", "period", "value"))


def _source(row: dict) -> str:
    published = f"，{format_value(row['published'])} 发布" if row.get("published") else ""
    return f"（来源：{row.get('source') or '请补上'}{published}）"


def _described_added(r: ResourceDiff, namer: Namer, row: dict) -> str:
    if r.name == "revisions":
        figure = " ".join(namer.text(column, row.get(column), row) for column in ("indicator_id", "area_id", "period", "status"))
        if row.get("action") == "withdrawn":
            return f"撤回进展数字：{figure}，不再用于判断状态（{_why(row)}）。"
        return f"更正进展数字：{figure}，原数值 {namer.text('value', row.get('previous_value'), row)}（{_why(row)}）。"
    if r.name == "observations":
        return f"新增进展数字：{_figure(namer, row)}，{namer.text('status', row.get('status'), row)}{_source(row)}。"
    if r.name == "task_reports":
        return f"新增单位进展报告：{namer.key(row_key(row, r.key_columns))}。"
    return f"{r.title}新增一行：{namer.key(row_key(row, r.key_columns))}（请写明依据）。"


def _described_change(r: ResourceDiff, namer: Namer, change, record: dict | None = None) -> str:
    row = dict(zip(r.key_columns, change.key))
    cells = "；".join(f"{c.title}由 {namer.text(c.column, c.before, row) or '（空）'} 改为 {namer.text(c.column, c.after, row) or '（空）'}"
                     for c in change.cells)
    if r.name == "observations":
        figure = " ".join(namer.text(column, row.get(column), row) for column in r.key_columns)
        if _became_final(change):
            return f"正式数替代初步数：{figure}：{cells}。"
        return f"更正进展数字：{figure}：{cells}（{_why(record) if record else '请写明更正原因，并在 data/revisions.csv 记下原数值'}）。"
    return f"更正{r.title}：{namer.key(change.key)}：{cells}（请写明更正原因）。"


def _described_removed(r: ResourceDiff, namer: Namer, row: dict) -> str:
    if r.name == "observations":
        return f"删除进展数字：{_figure(namer, row)}（请写明删除原因；数字有误而要收回的，请改用 data/revisions.csv 撤回）。"
    return f"{r.title}删除一行：{namer.key(row_key(row, r.key_columns))}（请写明删除原因）。"
