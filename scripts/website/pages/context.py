"""What every page type reads (the progress results, with their catalog, and the rendered charts) and each
indicator's reader status, as the progress stage decided it."""

from __future__ import annotations

from dataclasses import dataclass

from scripts.core.catalog import Catalog
from scripts.progress.reader import ReaderStatus
from scripts.progress.results import IndicatorResult, Results


@dataclass
class SiteContext:
    results: Results
    charts: dict[str, str]  # chart name -> text alternative, for charts that were rendered

    @property
    def catalog(self) -> Catalog:
        return self.results.catalog

    @property
    def ended(self) -> bool:
        """The plan's period is over: statuses are the final report card's."""
        return self.results.ended

    def result(self, indicator_id: str) -> IndicatorResult:
        return self.results[indicator_id]

    def status_code(self, indicator_id: str) -> str:
        return self.results[indicator_id].status

    def standing(self, indicator_id: str) -> ReaderStatus:
        return self.results[indicator_id].reader

    def status_labels(self) -> dict[str, str]:
        """Every reader status of this plan (running or ended), in order; badges, counts and filters list these."""
        return self.results.status_labels

    def lead_of_indicator(self, indicator: dict) -> dict | None:
        """The lead unit of the indicator's task (None for headline targets the plan assigns to no task)."""
        return self.catalog.lead_of_indicator(indicator)

    def targets_led_by(self, unit_id: str) -> list[dict]:
        """The targets a unit leads: those whose lead_of_indicator it is, in plan order. One definition for the
        board's lead filter, the unit's page and the units index, so the count is the same on all three."""
        return self.catalog.indicators_led_by(unit_id)

    def related_tasks(self, indicator_id: str) -> list[tuple[dict, str]]:
        """(task row, reason) the site links to a headline target: an editorial link, not the plan's."""
        return list(self.catalog.related_tasks_of.get(indicator_id, []))

    def related_targets(self, task_id: str) -> list[tuple[dict, str]]:
        """(indicator row, reason) of the headline targets the site links to a task: related_tasks seen from the task."""
        return list(self.catalog.related_targets_of.get(task_id, []))

    def figure_source(self, indicator_id: str) -> dict | None:
        """Where a figure for the indicator would be published (publisher, publication, basis, …), if recorded."""
        return self.catalog.figure_source_of.get(indicator_id)
