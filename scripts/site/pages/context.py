"""What every page type reads: the catalog, the progress results and the charts that were rendered."""

from __future__ import annotations

from dataclasses import dataclass

from scripts.site.catalog import Catalog


@dataclass
class SiteContext:
    catalog: Catalog
    progress: dict  # indicator id -> IndicatorProgress
    charts: dict[str, str]  # chart name -> text alternative, for charts that were rendered

    def status_code(self, indicator_id: str) -> str:
        result = self.progress.get(indicator_id)
        return result.status if result else "no_data"
