"""What every page type reads (catalog, progress results, rendered charts) and each indicator's reader status."""

from __future__ import annotations

from dataclasses import dataclass

from scripts.core.package import CITY_AREA
from scripts.core.words import (
    INTERIM_ONLY,
    NO_FIGURE,
    READER_STATUS_LABELS,
    STATUS_LABELS,
    UNDECIDED,
    interim_only_label,
)
from scripts.site.catalog import Catalog


@dataclass(frozen=True)
class Standing:
    """What a reader is told about an indicator: the method's status, or for no_data what has been published."""

    group: str  # a key of READER_STATUS_LABELS; also the badge's CSS modifier
    label: str  # the badge text (interim_only names how many interim figures there are)


@dataclass
class SiteContext:
    catalog: Catalog
    progress: dict  # indicator id -> IndicatorProgress
    charts: dict[str, str]  # chart name -> text alternative, for charts that were rendered

    def status_code(self, indicator_id: str) -> str:
        result = self.progress.get(indicator_id)
        return result.status if result else "no_data"

    def standing(self, indicator_id: str) -> Standing:
        code = self.status_code(indicator_id)
        if code != "no_data":
            return Standing(code, STATUS_LABELS[code])
        observations = self.catalog.observations_of[indicator_id]
        if not observations:
            return Standing(NO_FIGURE, READER_STATUS_LABELS[NO_FIGURE])
        result = self.progress.get(indicator_id)
        interim = result.interim if result else []
        # Interim-only: every published figure is a city figure for part of a year.
        if interim and len(interim) == len(observations) and all(o["area_id"] == CITY_AREA for o in observations):
            return Standing(INTERIM_ONLY, interim_only_label(len(interim)))
        return Standing(UNDECIDED, READER_STATUS_LABELS[UNDECIDED])

    def standing_counts(self, indicator_ids) -> dict[str, int]:
        """How many indicators in each reader status, every status listed; the counts add up to the ids."""
        counts = dict.fromkeys(READER_STATUS_LABELS, 0)
        for indicator_id in indicator_ids:
            counts[self.standing(indicator_id).group] += 1
        return counts

    def lead_of_indicator(self, indicator: dict) -> dict | None:
        """The lead unit of the indicator's task (None for headline targets the plan assigns to no task)."""
        return self.catalog.lead_of(indicator["task_id"]) if indicator.get("task_id") else None

    def related_tasks(self, indicator_id: str) -> list[tuple[dict, str]]:
        """(task row, reason) the site links to a headline target: an editorial link, not the plan's."""
        return list(self.catalog.related_tasks_of.get(indicator_id, []))

    def figure_source(self, indicator_id: str) -> dict | None:
        """Where a figure for the indicator would be published (publisher, publication, basis, …), if recorded."""
        return self.catalog.figure_source_of.get(indicator_id)
