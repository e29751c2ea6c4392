"""The progress stage's one result: per indicator its kept figures, targets, planned path, verdicts and reader status.

Every later stage (charts, pages, progress.csv, the data diff) reads this object and nothing else: no stage after
this one reads the package's tables again or works a status out for itself.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field

from scripts.core import clock
from scripts.core.catalog import Catalog, build_catalog
from scripts.core.package import CITY_AREA, Package
from scripts.core.revisions import current_observations, histories
from scripts.progress.figures import Figure, kept_figures
from scripts.progress.kinds import Kind, Series, describe_targets, kind_of
from scripts.progress.method import IndicatorProgress, assess
from scripts.progress.reader import ReaderStatus, reader_labels, reader_status
from scripts.progress.targets import Plan, Target
from scripts.progress.text import unit_of


@dataclass(frozen=True)
class Measured:
    """A kept figure as its indicator's measure draws it: a running kind's total or compound fall so far."""

    figure: Figure
    value: float  # the measure at this figure: the figure itself, or for a running kind the run up to it
    joined: bool  # part of an unbroken run from the start year (a line joins it); else drawn at its own value


@dataclass
class IndicatorResult(IndicatorProgress):
    """The method's assessment and everything the charts and pages draw from: one per indicator."""

    indicator: dict = field(default_factory=dict)
    targets: list[Target] = field(default_factory=list)
    figures: dict[str, list[Figure]] = field(default_factory=dict)  # area id -> kept figures, in period order
    measured: dict[str, list[Measured]] = field(default_factory=dict)  # area id -> the figures' measures, as drawn
    path: list[tuple[int, float]] = field(default_factory=list)  # the planned path: (year, expected measure)
    reader: ReaderStatus | None = None  # what readers are told: the badge, the board, the charts, progress.csv
    revisions: list[tuple[dict, dict | None]] = field(default_factory=list)  # (correction or withdrawal, its figure)
    unpublished_years: list[int] = field(default_factory=list)  # years a target needs, over by the build date, no city full-year figure
    target_words: str = ""  # the targets in words, as every page and chart says them
    measure_text: str = ""  # what the status was decided on, in words: 2021—2023年累计912家 ("" without a status)

    @property
    def higher(self) -> bool:
        return self.kind.higher_is_better(self.indicator["direction"])

    def value_text(self, value: float) -> str:
        """A figure of this indicator with its unit, as every page writes it (a yes/no target: 已实现 / 未实现)."""
        return self.kind.value_text(value, unit_of(self.indicator))


@dataclass(frozen=True)
class Ranking:
    """The areas' figures for one indicator and period, best first (the 赛马 of the plan's organisation)."""

    indicator_id: str
    period: str
    rows: list[dict]  # {"rank", "area_id", "value", "status"}


@dataclass
class Results(Mapping):
    """indicator id -> IndicatorResult, in the package's order, with the plan, the catalog and the rankings."""

    plan: Plan
    catalog: Catalog
    ended: bool  # the plan's period is over: readers get a final report card, not a pace
    indicators: dict[str, IndicatorResult]
    rankings: list[Ranking]
    today: datetime.date  # the build's day: the years over and the plan's end were judged on it (core/clock.py)
    as_of: datetime.date  # the date the data speaks for: the version's `created` date, or without one the build's day

    def __getitem__(self, indicator_id: str) -> IndicatorResult:
        return self.indicators[indicator_id]

    def __iter__(self):
        return iter(self.indicators)

    def __len__(self) -> int:
        return len(self.indicators)

    @property
    def status_labels(self) -> dict[str, str]:
        """Every reader status of this plan (running or ended), in order; badges, counts and filters list these."""
        return reader_labels(self.ended)

    def count_statuses(self, indicator_ids) -> dict[str, int]:
        """How many of these indicators stand in each reader status: every status of this plan listed, zero
        included, in order, the counts adding up to the ids. The one count behind every page, table and chart."""
        counts = dict.fromkeys(self.status_labels, 0)
        for indicator_id in indicator_ids:
            counts[self.indicators[indicator_id].reader.group] += 1
        return counts


def compute_progress(package: Package, today: datetime.date | None = None) -> Results:
    """Assess every indicator of the package, in the package's order; `today` decides whether the plan has ended
    (a build hands down the day it decided on; by default core/clock.py's today())."""
    plan = Plan.of(package)
    catalog = build_catalog(package)
    today = today or clock.today()
    ended = plan.ended(today)
    figures = kept_figures(current_observations(package))  # a withdrawn figure never decides a status
    targets: dict[str, list[Target]] = {}
    for row in sorted(package.rows("targets"), key=lambda r: r["year"]):
        targets.setdefault(row["indicator_id"], []).append(Target.of(row))
    indicators = sorted(package.rows("indicators"), key=lambda i: i.get("order") or 0)
    revised = histories(package)
    results = {}
    for indicator in indicators:
        kind = kind_of(indicator["target_kind"])
        its_targets, its_figures = targets.get(indicator["id"], []), figures.get(indicator["id"], {})
        result = _result(assess(indicator, kind, its_targets, its_figures, plan, today.year), indicator, its_targets, its_figures)
        # The planned path is a running plan's yardstick; a report card judges the targets themselves.
        result.path = [] if ended else kind.path(its_targets, plan, result.baseline_value)
        result.revisions = revised.get(indicator["id"], [])
        result.measured = {area_id: measured(kind, area_figures, plan) for area_id, area_figures in its_figures.items()}
        result.unpublished_years = _unpublished(result, plan, today)
        result.measure_text = _measure_text(result, plan)
        result.target_words = describe_targets(indicator, its_targets, plan)
        result.reader = reader_status(result, plan, ended)
        results[indicator["id"]] = result
    created = package.descriptor.get("created")
    as_of = datetime.date.fromisoformat(str(created)[:10]) if created else today
    return Results(plan, catalog, ended, results, rankings(results, catalog), today, as_of)


def _unpublished(result: IndicatorResult, plan: Plan, today: datetime.date) -> list[int]:
    """The years some dated target needs a city full-year figure for, over on the build date, without one: the one
    list the reader's reason, the indicator page and the unit page name."""
    kind, targets = result.kind, result.targets
    published = {f.period.year: f.value for f in result.figures.get(CITY_AREA, []) if f.period.full_year}
    needed = {y for t in targets for y in kind.years_for(t, targets, plan, published)}
    return sorted(y for y in needed if y < today.year and y not in published)


def _measure_text(result: IndicatorResult, plan: Plan) -> str:
    """The measure the status was decided on, in the kind's words: 2021—2023年累计912家, 2022年为18万元."""
    if not result.counted_years or result.measure is None:
        return ""
    series = Series({}, result.counted_years[-1], result.targets, plan, result.baseline_value, result.higher)
    return result.kind.verdict_measure_words(series) + result.kind.value_text(result.measure, result.kind.unit_override or unit_of(result.indicator))


def measured(kind: Kind, figures: list[Figure], plan: Plan) -> list[Measured]:
    """One area's kept figures as its measure: for a kind whose measure runs on from the start year (totals,
    compound decreases), the run over unbroken full years from the start year up to each figure, by the same
    `kind.run_measure` the status and the verdicts read. A part-year figure runs on from the years before it. A
    figure that cannot be run on (a year missing before it) keeps its own value, not joined; a full year before
    the start year is not part of the run and is left out."""
    if not kind.running:
        return [Measured(f, f.value, True) for f in figures]
    full = {f.period.year: f.value for f in figures if f.period.full_year}
    run: list[float] = []
    while plan.start_year + len(run) in full:
        run.append(full[plan.start_year + len(run)])
    last = plan.start_year + len(run) - 1  # the last year of the unbroken run (start year - 1: none)
    drawn = []
    for f in figures:
        year = f.period.year
        if f.period.full_year and year < plan.start_year:
            continue  # an addition or decrease before the plan is not part of the total
        if f.period.full_year and year <= last:
            drawn.append(Measured(f, kind.run_measure(run[:year - plan.start_year + 1]), True))
        elif not f.period.full_year and plan.start_year <= year <= last + 1:
            drawn.append(Measured(f, kind.run_measure([*run[:year - plan.start_year], f.value]), True))
        else:
            drawn.append(Measured(f, f.value, False))
    return drawn


def _result(assessment: IndicatorProgress, indicator: dict, targets: list[Target], figures: dict[str, list[Figure]]) -> IndicatorResult:
    fields = {name: getattr(assessment, name) for name in IndicatorProgress.__dataclass_fields__}
    return IndicatorResult(**fields, indicator=indicator, targets=targets, figures=figures)


def rankings(results: dict[str, IndicatorResult], catalog: Catalog) -> list[Ranking]:
    """Per indicator, the latest period in which two or more areas (not the city) have a figure, best first: for a
    reduction a larger fall ranks higher, as the kind says which way is better."""
    found = []
    for indicator_id, result in results.items():
        by_period: dict[str, list[Figure]] = {}
        for area_id, figures in result.figures.items():
            if area_id != CITY_AREA:
                for f in figures:
                    by_period.setdefault(f.period.text, []).append(f)
        candidates = [p for p, figs in by_period.items() if len({f.area_id for f in figs}) >= 2]
        if not candidates:
            continue
        period = max(candidates, key=lambda p: (by_period[p][0].period.end, by_period[p][0].period.full_year))
        order = {a: i for i, a in enumerate(catalog.areas)}
        sign = -1 if result.higher else 1
        ordered = sorted(by_period[period], key=lambda f: (sign * f.value, order.get(f.area_id, len(order))))
        rows, rank, previous = [], 0, None
        for position, f in enumerate(ordered, start=1):
            if f.value != previous:
                rank, previous = position, f.value
            rows.append({"rank": rank, "area_id": f.area_id, "value": f.value, "status": f.status})
        found.append(Ranking(indicator_id, period, rows))
    return found


__all__ = ["Figure", "IndicatorResult", "Kind", "Measured", "Ranking", "Results", "compute_progress", "measured", "rankings"]
