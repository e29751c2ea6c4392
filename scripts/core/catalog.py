"""Relations between the package's tables that every page needs: who is responsible for what."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from scripts.core.package import Package
from scripts.core.periods import parse_period
from scripts.core.revisions import current_observations


@dataclass
class Catalog:
    package: Package
    tasks: dict = field(default_factory=dict)
    units: dict = field(default_factory=dict)
    areas: dict = field(default_factory=dict)
    indicators: dict = field(default_factory=dict)
    units_of_task: dict = field(default_factory=lambda: defaultdict(list))
    tasks_of_unit: dict = field(default_factory=lambda: defaultdict(list))
    indicators_of_task: dict = field(default_factory=lambda: defaultdict(list))
    observations_of: dict = field(default_factory=lambda: defaultdict(list))
    observations_in_area: dict = field(default_factory=lambda: defaultdict(list))
    reports_of_task: dict = field(default_factory=lambda: defaultdict(list))
    reports_of_unit: dict = field(default_factory=lambda: defaultdict(list))
    figure_source_of: dict = field(default_factory=dict)  # indicator id -> figure_sources row
    related_tasks_of: dict = field(default_factory=lambda: defaultdict(list))  # indicator id -> [(task row, reason)]
    related_targets_of: dict = field(default_factory=lambda: defaultdict(list))  # task id -> [(indicator row, reason)]
    searches_of: dict = field(default_factory=lambda: defaultdict(list))  # indicator id -> searches for it, oldest first
    general_searches: list = field(default_factory=list)  # searches that covered every headline indicator at once
    led_by: dict = field(default_factory=dict)  # lead unit id -> the targets it leads, see indicators_led_by

    def lead_of(self, task_id: str) -> dict | None:
        return next((u for u, role in self.units_of_task[task_id] if role == "lead"), None)

    def lead_of_indicator(self, indicator: dict) -> dict | None:
        """The lead unit of the indicator's task (None for headline targets the plan assigns to no task)."""
        return self.lead_of(indicator["task_id"]) if indicator.get("task_id") else None

    def units_by_role(self, task_id: str, role: str) -> list[dict]:
        return [u for u, r in self.units_of_task[task_id] if r == role]

    def indicators_led_by(self, unit_id: str) -> list[dict]:
        """The targets a unit leads: those whose task's lead (the first unit the plan names for it) it is, in plan
        order. One definition for the board's lead filter, the unit's page, the units index and the status chart,
        so that a unit's count is the same on all of them; worked out once for every unit, in build_catalog."""
        return list(self.led_by.get(unit_id, []))

    def leads(self) -> list[dict]:
        """The units that lead at least one target, in the order of the first target each leads (the board's filter)."""
        return [self.units[unit_id] for unit_id in self.led_by]

    def groups(self) -> list[tuple[str, str, list[dict]]]:
        """(section, group, tasks) in plan order."""
        seen: dict[tuple[str, str], list[dict]] = {}
        for task in self.tasks.values():
            seen.setdefault((task["section"], task["group"]), []).append(task)
        return [(section, group, tasks) for (section, group), tasks in seen.items()]


def build_catalog(package: Package) -> Catalog:
    catalog = Catalog(package=package)
    catalog.tasks = {t["id"]: t for t in sorted(package.rows("tasks"), key=lambda t: t["order"])}
    catalog.units = {u["id"]: u for u in sorted(package.rows("units"), key=lambda u: u["order"])}
    catalog.areas = {a["id"]: a for a in sorted(package.rows("areas"), key=lambda a: a["order"])}
    catalog.indicators = {i["id"]: i for i in sorted(package.rows("indicators"), key=lambda i: i["order"])}
    for row in sorted(package.rows("task_units"), key=lambda r: (r["task_id"], r["order"])):
        unit, task = catalog.units[row["unit_id"]], catalog.tasks[row["task_id"]]
        catalog.units_of_task[row["task_id"]].append((unit, row["role"]))
        catalog.tasks_of_unit[row["unit_id"]].append((task, row["role"]))
    for unit_id in catalog.tasks_of_unit:
        catalog.tasks_of_unit[unit_id].sort(key=lambda pair: pair[0]["order"])
    for indicator in catalog.indicators.values():
        if indicator.get("task_id"):
            catalog.indicators_of_task[indicator["task_id"]].append(indicator)
    for obs in sorted(current_observations(package), key=lambda o: (parse_period(o["period"]).end, o["period"])):
        catalog.observations_of[obs["indicator_id"]].append(obs)
        catalog.observations_in_area[obs["area_id"]].append(obs)
    for report in sorted(package.rows("task_reports"), key=lambda r: (parse_period(r["period"]).end, r["unit_id"])):
        catalog.reports_of_task[report["task_id"]].append(report)
        catalog.reports_of_unit[report["unit_id"]].append(report)
    catalog.figure_source_of = {row["indicator_id"]: row for row in package.rows("figure_sources")}
    for row in package.rows("related_tasks"):
        catalog.related_tasks_of[row["indicator_id"]].append((catalog.tasks[row["task_id"]], row["reason"]))
    for pairs in catalog.related_tasks_of.values():
        pairs.sort(key=lambda pair: pair[0]["order"])
    for indicator_id, pairs in catalog.related_tasks_of.items():  # the same links seen from each task
        for task, reason in pairs:
            catalog.related_targets_of[task["id"]].append((catalog.indicators[indicator_id], reason))
    for indicator in catalog.indicators.values():
        lead = catalog.lead_of_indicator(indicator)
        if lead is not None:
            catalog.led_by.setdefault(lead["id"], []).append(indicator)
    for row in sorted(package.rows("searches"), key=lambda r: r["checked_on"]):
        if row.get("indicator_id"):
            catalog.searches_of[row["indicator_id"]].append(row)
        else:
            catalog.general_searches.append(row)
    return catalog
