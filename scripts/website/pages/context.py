"""What every page type reads (catalog, progress results, rendered charts) and each indicator's reader status."""

from __future__ import annotations

from dataclasses import dataclass

from scripts.core.words import READER_STATUS_LABELS
from scripts.progress.standing import Standing, standing
from scripts.website.catalog import Catalog


@dataclass
class SiteContext:
    catalog: Catalog
    progress: dict  # indicator id -> IndicatorProgress
    charts: dict[str, str]  # chart name -> text alternative, for charts that were rendered

    def status_code(self, indicator_id: str) -> str:
        result = self.progress.get(indicator_id)
        return result.status if result else "no_data"

    def standing(self, indicator_id: str) -> Standing:
        return standing(self.progress.get(indicator_id), [o["area_id"] for o in self.catalog.observations_of[indicator_id]])

    def standing_counts(self, indicator_ids) -> dict[str, int]:
        """How many indicators in each reader status, every status listed; the counts add up to the ids."""
        counts = dict.fromkeys(READER_STATUS_LABELS, 0)
        for indicator_id in indicator_ids:
            counts[self.standing(indicator_id).group] += 1
        return counts

    def lead_of_indicator(self, indicator: dict) -> dict | None:
        """The lead unit of the indicator's task (None for headline targets the plan assigns to no task)."""
        return self.catalog.lead_of(indicator["task_id"]) if indicator.get("task_id") else None

    def targets_led_by(self, unit_id: str) -> list[dict]:
        """The targets a unit leads: those whose lead_of_indicator it is, in plan order. One definition for the
        board's lead filter, the unit's page and the units index, so the count is the same on all three."""
        return [i for i in self.catalog.indicators.values() if (self.lead_of_indicator(i) or {}).get("id") == unit_id]

    def related_tasks(self, indicator_id: str) -> list[tuple[dict, str]]:
        """(task row, reason) the site links to a headline target: an editorial link, not the plan's."""
        return list(self.catalog.related_tasks_of.get(indicator_id, []))

    def related_targets(self, task_id: str) -> list[tuple[dict, str]]:
        """(indicator row, reason) of the headline targets the site links to a task: related_tasks seen from the task."""
        return [(self.catalog.indicators[indicator_id], reason)
                for indicator_id, pairs in self.catalog.related_tasks_of.items() for task, reason in pairs if task["id"] == task_id]

    def figure_source(self, indicator_id: str) -> dict | None:
        """Where a figure for the indicator would be published (publisher, publication, basis, …), if recorded."""
        return self.catalog.figure_source_of.get(indicator_id)
