"""The site navigation, grouped so that each page's sidebar (with navigation.prune) stays small at any scale."""

from __future__ import annotations

from scripts.core.words import SECTION_LABELS, UNIT_KIND_LABELS
from scripts.website import markup as m
from scripts.core.catalog import Catalog

# The most entries one sidebar group holds; longer groups are cut into numbered runs of this size.
GROUP_SIZE = 25


def chunked(items: list, start: int = 0) -> list:
    """items as they are when few, else as groups 第1—25项, 第26—50项, … nested as deep as needed so that no group
    holds more than GROUP_SIZE entries (page URLs do not change)."""
    if len(items) <= GROUP_SIZE:
        return items
    span = GROUP_SIZE
    while len(items) > span * GROUP_SIZE:
        span *= GROUP_SIZE
    return [
        {f"第{start + i + 1}—{start + min(i + span, len(items))}项": chunked(items[i: i + span], start + i)}
        for i in range(0, len(items), span)
    ]


def build_nav(c: Catalog) -> list:
    e = m.text  # nav titles reach the theme unescaped: escape them here
    headline = [{e(i["name"]): f"indicators/{i['id']}.md"} for i in c.indicators.values() if i.get("headline")]
    task_indicator_groups = []
    for _section, group, tasks in c.groups():
        items = [{e(i["name"]): f"indicators/{i['id']}.md"} for t in tasks for i in c.indicators_of_task[t["id"]] if not i.get("headline")]
        if items:
            task_indicator_groups.append({e(group): chunked(items)})
    key_task_groups, policy, organisation = [], [], []
    for section, group, tasks in c.groups():
        items = [{e(f"{t['number']} {t['title']}"): f"tasks/{t['id']}.md"} for t in tasks]
        if section == "key_task":
            key_task_groups.append({e(group): chunked(items)})
        elif section == "policy":
            policy += items
        else:
            organisation += items
    unit_groups = []
    for kind, label in UNIT_KIND_LABELS.items():
        items = [{e(u["name"]): f"units/{u['id']}.md"} for u in c.units.values() if u["kind"] == kind]
        if items:
            unit_groups.append({label: chunked(items)})
    areas = [{e(a["name"]): f"areas/{a['id']}.md"} for a in c.areas.values()]
    nav = [
        {"首页": "index.md"},
        {"目标一览": "board/index.md"},
        {"核心指标": ["headline/index.md", *chunked(headline)]},
        {"任务指标": ["indicators/index.md", *chunked(task_indicator_groups)]},
        {SECTION_LABELS["key_task"]: ["tasks/index.md", *chunked(key_task_groups)]},
    ]
    if policy:
        nav.append({SECTION_LABELS["policy"]: chunked(policy)})
    if organisation:
        nav.append({SECTION_LABELS["organisation"]: chunked(organisation)})
    nav += [
        {"责任单位": ["units/index.md", *unit_groups]},
        {"区县": ["areas/index.md", *chunked(areas)]},
        {"数据下载": "downloads.md"},
        {"方法说明": "methodology.md"},
        {"更新记录": "changelog.md"},
    ]
    return nav
