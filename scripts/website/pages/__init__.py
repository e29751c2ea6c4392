"""Generated pages, one module per page type, and the navigation; SiteWriter is the entry the build calls."""

from __future__ import annotations

from scripts.website.pages.area import area_page
from scripts.website.pages.board import board_page
from scripts.website.pages.context import SiteContext
from scripts.website.pages.indicator import indicator_page
from scripts.website.pages.nav import build_nav
from scripts.website.pages.overview import areas_index, headline_index, indicators_index, tasks_index, units_index
from scripts.website.pages.page import Page, href
from scripts.website.pages.task import task_page
from scripts.website.pages.unit import unit_page

__all__ = ["Page", "SiteContext", "SiteWriter", "href"]


class SiteWriter:
    """Every generated page and the nav, from the progress results (with their catalog) and chart names."""

    def __init__(self, results, charts: dict[str, str]):
        self.context = SiteContext(results, charts)

    def pages(self) -> list[Page]:
        ctx, c = self.context, self.context.catalog
        result = [board_page(ctx), headline_index(ctx), indicators_index(ctx), tasks_index(ctx), units_index(ctx), areas_index(ctx)]
        result += [indicator_page(ctx, i) for i in c.indicators.values()]
        result += [task_page(ctx, t) for t in c.tasks.values()]
        result += [unit_page(ctx, u) for u in c.units.values()]
        result += [area_page(ctx, a) for a in c.areas.values()]
        return result

    def nav(self) -> list:
        return build_nav(self.context.catalog)
