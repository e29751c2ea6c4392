"""The site navigation, grouped so that each page's sidebar (with navigation.prune) stays small."""

from __future__ import annotations

from scripts.core.words import UNIT_KIND_LABELS
from scripts.site import markup as m
from scripts.site.catalog import Catalog


def build_nav(c: Catalog) -> list:
    e = m.text  # nav titles reach the theme unescaped: escape them here
    headline = [{e(i["name"]): f"indicators/{i['id']}.md"} for i in c.indicators.values() if i.get("headline")]
    task_indicator_groups = []
    for section, group, tasks in c.groups():
        items = [{e(i["name"]): f"indicators/{i['id']}.md"} for t in tasks for i in c.indicators_of_task[t["id"]] if not i.get("headline")]
        if items:
            task_indicator_groups.append({e(group): items})
    key_task_groups, policy, organisation = [], [], []
    for section, group, tasks in c.groups():
        items = [{e(f"{t['number']} {t['title']}"): f"tasks/{t['id']}.md"} for t in tasks]
        if section == "key_task":
            key_task_groups.append({e(group): items})
        elif section == "policy":
            policy += items
        else:
            organisation += items
    unit_groups = []
    for kind, label in UNIT_KIND_LABELS.items():
        items = [{e(u["name"]): f"units/{u['id']}.md"} for u in c.units.values() if u["kind"] == kind]
        if items:
            unit_groups.append({label: items})
    nav = [
        {"首页": "index.md"},
        {"核心指标": ["headline/index.md", *headline]},
        {"任务指标": ["indicators/index.md", *task_indicator_groups]},
        {"重点任务": ["tasks/index.md", *key_task_groups]},
    ]
    if policy:
        nav.append({"政策措施": policy})
    if organisation:
        nav.append({"组织实施": organisation})
    nav += [
        {"责任单位": ["units/index.md", *unit_groups]},
        {"区县": ["areas/index.md", *[{e(a["name"]): f"areas/{a['id']}.md"} for a in c.areas.values()]]},
        {"数据下载": "downloads.md"},
        {"方法说明": "methodology.md"},
        {"更新记录": "changelog.md"},
    ]
    return nav
