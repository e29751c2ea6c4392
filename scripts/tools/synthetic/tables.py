"""The rows of every table but the indicators' own: areas, units, tasks, task units and task reports."""

from __future__ import annotations

import datetime
import random

from scripts.tools.synthetic.designs import DESIGNS, Years, plan_tasks, plan_years
from scripts.tools.synthetic.indicators import make_indicators
from scripts.tools.synthetic.names import (
    AREAS,
    CITY,
    DEPARTMENTS,
    OTHERS,
    REPORT_SENTENCES,
    REPORTED_STATUSES,
    RESPONSIBLE_BODIES_PER_TASK,
    SENTENCES,
    URL,
)


def make_tables(descriptor: dict, scale: int, seed: int) -> dict[str, list[dict]]:
    """Every table of the package as rows of column -> value (None for an empty cell)."""
    kinds = set(_field(descriptor, "indicators", "target_kind")["constraints"]["enum"])
    if kinds != set(DESIGNS):
        raise ValueError(f"the schema's target kinds {sorted(kinds)} differ from the designed ones {sorted(DESIGNS)}")
    rng = random.Random(seed)
    years = plan_years(descriptor)
    areas = make_areas(scale)
    units = make_units(areas, scale)
    tasks, task_units = make_tasks(rng, units, scale)
    indicators, targets, observations = make_indicators(rng, years, areas, scale)
    task_reports = make_task_reports(rng, years, tasks, task_units)
    for row in tasks:
        del row["stem"], row["block"]
    return {
        "areas": areas, "units": units, "tasks": tasks, "task_units": task_units, "indicators": indicators,
        "targets": targets, "observations": observations, "task_reports": task_reports,
        "figure_sources": [], "related_tasks": [], "searches": make_searches(years, indicators), "revisions": [],
    }


def make_searches(years, indicators: list[dict]) -> list[dict]:
    """A fictional search log: every third headline indicator looked for, year by year, and not found."""
    checked = datetime.date(years.end + 3, 1, 15)
    rows = []
    for indicator in [i for i in indicators if i["headline"]][::3]:
        for year in range(years.start, years.end + 1):
            rows.append({"indicator_id": indicator["id"], "year": year, "checked_on": checked,
                         "where": f"示例统计公报{year}（虚构）", "query": f"示例市 {year}年", "result": "not_found",
                         "url": None, "note": "示例核查记录（虚构）：没有这项指标的数字。"})
    return rows


def make_areas(scale: int) -> list[dict]:
    rows = [{"id": CITY, "name": "示例市", "kind": "city"}]
    rows += [{"id": id_, "name": name, "kind": kind} for id_, name, kind in AREAS]
    rows += [{"id": f"qu-{n}", "name": f"示例区{n}", "kind": "district"} for n in range(1, scale)]
    return [dict(row, order=i) for i, row in enumerate(rows, start=1)]


def make_units(areas: list[dict], scale: int) -> list[dict]:
    rows = []
    for block in range(scale):
        mark = str(block + 1) if block else ""
        for i, (short, full) in enumerate(DEPARTMENTS, start=len(DEPARTMENTS) * block + 1):
            rows.append({"id": f"dept-{i}", "name": f"示例市{short}{mark}", "full_name": f"示例市{full}{mark}（虚构）",
                         "kind": "city_department", "area_id": None})
        for i, (short, full) in enumerate(OTHERS, start=len(OTHERS) * block + 1):
            rows.append({"id": f"other-{i}", "name": f"示例{short}{mark}", "full_name": f"示例市{full}{mark}（虚构）",
                         "kind": "other", "area_id": None})
    for area in areas[1:]:
        if area["kind"] == "platform":
            rows.append({"id": f"admin-{area['id']}", "name": f"{area['name']}管委会",
                         "full_name": f"{area['name']}管理委员会（虚构）", "kind": "platform", "area_id": area["id"]})
        else:
            rows.append({"id": f"gov-{area['id']}", "name": f"{area['name']}政府",
                         "full_name": f"{area['name']}人民政府（虚构）", "kind": "county_government", "area_id": area["id"]})
    # No fictional unit was renamed and no full name is sourced: the provenance columns stay empty.
    provenance = {"full_name_source": None, "current_name": None, "renamed_on": None}
    return [dict(row, order=i, **provenance) for i, row in enumerate(rows, start=1)]


def make_tasks(rng: random.Random, units: list[dict], scale: int) -> tuple[list[dict], list[dict]]:
    departments = [u for u in units if u["kind"] == "city_department"]
    others = [u for u in units if u["kind"] == "other"]
    bodies = [u for u in units if u["kind"] in ("county_government", "platform")]
    per_block = len(plan_tasks(1))
    tasks, task_units = [], []
    for order, task in enumerate(plan_tasks(scale), start=1):
        block = task["block"]
        pool = departments[len(DEPARTMENTS) * block:len(DEPARTMENTS) * (block + 1)]
        position = order - 1 - block * per_block
        lead = pool[position % len(pool)]  # every department leads at least one task of its block
        supports = rng.sample([u for u in pool if u is not lead], position % 3 + 1)
        if task["section"] == "organisation":
            supports.append(others[block])
        listed = [lead, *supports]
        # Every task has the areas' governments as responsible bodies (the plan's "下同"): a window of
        # areas that moves by block, so that every extra area's government has tasks.
        start = (block * RESPONSIBLE_BODIES_PER_TASK) % len(bodies)
        responsible = [bodies[(start + i) % len(bodies)] for i in range(RESPONSIBLE_BODIES_PER_TASK)]
        responsible.sort(key=lambda u: u["order"])
        for i, unit in enumerate(listed + responsible, start=1):
            role = "lead" if i == 1 else "support" if i <= len(listed) else "responsible_body"
            task_units.append({"task_id": task["id"], "unit_id": unit["id"], "role": role, "order": i})
        responsibility = "、".join(u["name"] for u in listed)
        responsibility += "。列第一位的为牵头单位，" + "、".join(u["name"] for u in responsible) + "为责任主体"
        tasks.append(dict(
            task,
            title=f"示例任务：{task['stem']}",
            text="示例条文（虚构）：" + "".join(rng.sample(SENTENCES, rng.randint(3, 6))),
            responsibility_text=f"（责任单位：{responsibility}）",
            order=order,
        ))
    return tasks, task_units


def make_task_reports(rng: random.Random, years: Years, tasks: list[dict], task_units: list[dict]) -> list[dict]:
    """Reports from lead units on ten tasks of each block, a few periods each, cycling through statuses."""
    leads = {row["task_id"]: row["unit_id"] for row in task_units if row["role"] == "lead"}
    supports = {}
    for row in task_units:
        if row["role"] == "support":
            supports.setdefault(row["task_id"], row["unit_id"])
    per_block = len(plan_tasks(1))
    positions = (0, 2, 4, 7, 9, 11, 14, 16, 20, 28)  # eight key tasks, the first policy, the last arrangement
    chosen = [t for t in tasks if (t["order"] - 1) % per_block in positions]
    rows = []
    for n, task in enumerate(chosen):
        i = n % len(positions)
        periods = [str(years.end - 1)]
        periods += [f"{years.end}-H1"] * (i % 2 == 0) + [str(years.end)] * (i % 3 == 0)
        reporters = [(p, leads[task["id"]]) for p in periods]
        if i % 10 == 1:
            reporters.append((str(years.end - 1), supports[task["id"]]))
        for period, unit_id in reporters:
            year = int(period[:4])
            published = datetime.date(year, 7, 10) if "-H1" in period else datetime.date(year + 1, 1, 10)
            rows.append({
                "task_id": task["id"], "period": period, "unit_id": unit_id,
                "reported_status": REPORTED_STATUSES[len(rows) % len(REPORTED_STATUSES)],
                "summary": "示例进展摘要（虚构）：" + "".join(rng.sample(REPORT_SENTENCES, rng.randint(2, 3))),
                "source_url": f"{URL}/reports/{task['id']}/{unit_id}/{period}",
                "published": published + datetime.timedelta(days=rng.randint(0, 50)),
            })
    return rows

def _field(descriptor: dict, resource: str, name: str) -> dict:
    for r in descriptor["resources"]:
        if r["name"] == resource:
            return next(f for f in r["schema"]["fields"] if f["name"] == name)
    raise KeyError(resource)
