"""Progress against the plan: for every indicator a status, a pace ratio and one sentence that explains them.

What differs between target kinds lives in `kinds`; this module decides which years count and which status
follows, the same way for every kind.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scripts.core.package import CITY_AREA, Package
from scripts.core.periods import Period, parse_period
from scripts.core.revisions import current_observations
from scripts.core.words import BEHIND_FROM, ON_TRACK_FROM, STATUS_LABELS
from scripts.progress.kinds import (  # noqa: F401
    KINDS,
    Reading,
    Sentence,
    Series,
    describe_targets,
    kind_of,
)
from scripts.progress.progress_csv import (  # noqa: F401
    PROGRESS_FIELDS,
    count_statuses,
    write_progress_csv,
)
from scripts.progress.targets import RATIO_DIGITS, Plan, Target, met, target_for  # noqa: F401
from scripts.progress.text import sentence, span, unit_of, years

CHAINED_KINDS = tuple(code for code, kind in KINDS.items() if kind.chained)  # need every year from the start year


@dataclass(frozen=True)
class Figure:
    """One published figure for one area and period; a final figure replaces a provisional one."""

    area_id: str
    period: Period
    value: float
    status: str


@dataclass
class IndicatorProgress:
    indicator_id: str
    kind: str
    status: str
    status_label: str
    note: str
    pace_ratio: float | None = None
    target_year: int | None = None
    target_value: float | None = None
    comparator: str | None = None
    baseline_value: float | None = None
    latest_period: str | None = None
    latest_value: float | None = None
    measure: float | None = None
    expected_by_now: float | None = None
    gap: float | None = None
    achieved_share: float | None = None
    expected_share: float | None = None
    interim: list[dict] = field(default_factory=list)  # city figures for part of a year: shown, never decisive
    counted_years: list[int] = field(default_factory=list)  # full years that decided the status
    uncounted_years: list[int] = field(default_factory=list)  # full years after the start year that did not


# ---- reading the package ---------------------------------------------------------------------------------------


def collect_figures(package: Package) -> dict[str, dict[str, list[Figure]]]:
    """indicator id -> area id -> figures in period order (final preferred over provisional)."""
    chosen: dict[tuple, Figure] = {}
    for row in current_observations(package):  # a withdrawn figure never decides a status
        key = (row["indicator_id"], row["area_id"], row["period"])
        if key in chosen and chosen[key].status == "final":
            continue
        chosen[key] = Figure(row["area_id"], parse_period(row["period"]), float(row["value"]), row["status"])
    result: dict[str, dict[str, list[Figure]]] = {}
    for (indicator_id, area_id, _), figure in sorted(chosen.items(), key=lambda kv: (kv[1].period.end, kv[1].period.first_month)):
        result.setdefault(indicator_id, {}).setdefault(area_id, []).append(figure)
    return result


def collect_targets(package: Package) -> dict[str, list[Target]]:
    """indicator id -> targets by year."""
    result: dict[str, list[Target]] = {}
    for row in sorted(package.rows("targets"), key=lambda r: r["year"]):
        result.setdefault(row["indicator_id"], []).append(Target.of(row))
    return result


def higher_is_better(indicator: dict) -> bool:
    """Whether a larger measure is better. A reduction's measure is a decrease, so there the direction flips."""
    if indicator["target_kind"] == "reduction":
        return indicator["direction"] == "decrease"
    return indicator["direction"] == "increase"


def expected_at(kind: str, year: int, target: Target, plan: Plan, baseline: float | None) -> float | None:
    """What the method expects the measure to be at the end of `year`, heading for `target` (the planned path).

    Charts draw the path year by year with `target_for(targets, year)`, as the status is judged.
    """
    return kind_of(kind).expected_at(year, target, plan, baseline)


# ---- the method ------------------------------------------------------------------------------------------------


def compute_progress(package: Package) -> dict[str, IndicatorProgress]:
    """Assess every indicator of the package, in the package's order."""
    plan = Plan.of(package)
    figures = collect_figures(package)
    targets = collect_targets(package)
    indicators = sorted(package.rows("indicators"), key=lambda i: i.get("order") or 0)
    return {
        ind["id"]: assess(ind, targets.get(ind["id"], []), figures.get(ind["id"], {}), plan)
        for ind in indicators
    }


def assess(indicator: dict, targets: list[Target], figures_by_area: dict[str, list[Figure]], plan: Plan) -> IndicatorProgress:
    """The status of one indicator from its targets and the city's full-year figures."""
    kind = kind_of(indicator["target_kind"])
    city = figures_by_area.get(CITY_AREA, [])
    full = {f.period.year: f for f in city if f.period.full_year}
    interim = [
        {"period": f.period.text, "label": f.period.label, "value": f.value, "status": f.status}
        for f in city
        if not f.period.full_year
    ]
    baseline = full[plan.base_year].value if plan.base_year in full and kind.uses_baseline else None
    result = IndicatorProgress(indicator["id"], kind.code, "no_data", STATUS_LABELS["no_data"], "", baseline_value=baseline, interim=interim)
    after_base = [y for y in sorted(full) if y >= plan.start_year]
    if after_base:
        latest = full[after_base[-1]]
        result.latest_period, result.latest_value = latest.period.text, latest.value
    if not targets:
        result.note = "未设定目标值，无法计算进度。"
        return result
    final = targets[-1]
    if kind.chained:
        counted = []
        while plan.start_year + len(counted) in full and plan.start_year + len(counted) <= final.year:
            counted.append(plan.start_year + len(counted))
    else:
        counted = [y for y in after_base if y <= final.year]
    result.counted_years = counted
    result.uncounted_years = [y for y in after_base if y not in counted]
    if not counted:
        others = any(area != CITY_AREA and figs for area, figs in figures_by_area.items())
        result.note = _nothing_counted(kind.chained, after_base, final, plan, interim, others)
        return result
    now = counted[-1]
    series = Series({y: full[y].value for y in counted}, now, targets, plan, baseline, higher_is_better(indicator))
    when = f"{now}年" + ("（初步数）" if full[now].status == "provisional" else "")
    result.latest_period, result.latest_value = full[now].period.text, full[now].value
    status, target, reading = _judge(kind, series, final)
    _fill(result, status, target, reading)
    main = kind.explain(Sentence(series, status, reading, target, when, unit_of(indicator), now >= final.year))
    result.note = sentence(main, _uncounted_clauses(result.uncounted_years, counted, final, plan))
    return result


def _judge(kind, series: Series, final: Target) -> tuple[str, Target, Reading]:
    """The status, the target it was judged against, and the reading that decided it."""
    decided = series.now >= final.year
    target = final if decided else target_for(series.targets, series.now)
    reading = kind.read(series, target)
    if decided:
        return ("achieved" if reading.met else "not_achieved"), target, reading
    if kind.lost(series):
        return "not_achieved", target, reading
    if kind.can_finish_early(series.higher):
        early = kind.read(series, final)
        if kind.covers(early):
            return "achieved", final, early
    if kind.needs_baseline and series.baseline is None:
        return "no_data", target, reading
    if reading.pace is None:
        # Only where the ratio has no denominator: a cap not yet touched, or a zero target.
        return ("on_track" if reading.met else "off_track"), target, reading
    return classify(reading.pace), target, reading


def _fill(result: IndicatorProgress, status: str, target: Target, reading: Reading) -> None:
    result.status, result.status_label = status, STATUS_LABELS[status]
    result.target_year, result.target_value, result.comparator = target.year, target.value, target.comparator
    result.measure, result.expected_by_now, result.gap = reading.measure, reading.expected_by_now, reading.gap
    result.achieved_share, result.expected_share = reading.achieved_share, reading.expected_share
    result.pace_ratio = None if reading.pace is None else round(reading.pace, RATIO_DIGITS)


def classify(pace: float) -> str:
    """on_track, behind or off_track for a pace ratio R, compared after rounding to 6 decimals."""
    r = round(pace, RATIO_DIGITS)
    if r >= ON_TRACK_FROM:
        return "on_track"
    if r >= BEHIND_FROM:
        return "behind"
    return "off_track"


# ---- the sentence when nothing or not everything counts ----------------------------------------------------------


def _nothing_counted(chained: bool, after_base: list[int], final: Target, plan: Plan, interim: list[dict], others: bool) -> str:
    extras = _uncounted_clauses(after_base, [], final, plan) if after_base and not chained else []
    if not after_base:
        main, extras = f"暂无{plan.start_year}年以来的全市全年数字", []
    elif chained:  # the run must begin in the start year
        main = f"缺少{plan.start_year}年全市全年数字，无法从{plan.start_year}年起连续计算"
        extras = [f"已有{years(after_base)}的数字，暂不计入"]
    else:  # figures only after the last target year
        main = f"暂无{span(plan.start_year, final.year)}的全市全年数字"
    if interim:
        extras.append(f"阶段性数字（{'、'.join(i['label'] for i in interim)}）只作展示，不决定状态")
    if others:
        extras.append("分区域数字不决定状态")
    return sentence(main, extras)


def _uncounted_clauses(uncounted: list[int], counted: list[int], final: Target, plan: Plan) -> list[str]:
    clauses = []
    broken = [y for y in uncounted if y <= final.year]
    late = [y for y in uncounted if y > final.year]
    if broken:
        missing = (counted[-1] + 1) if counted else plan.start_year
        clauses.append(f"{years(broken)}的数字因缺少{missing}年全年数字未计入进度")
    if late:
        clauses.append(f"{years(late)}的数字在最终目标年份之后，未计入进度")
    return clauses


def worked_examples(plan: dict | None = None) -> list[dict]:
    """One fictional indicator per target kind, assessed by compute_progress (see `examples`)."""
    from scripts.progress.examples import worked_examples as build

    return build(plan)
