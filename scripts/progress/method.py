"""Progress against the plan: for every indicator a status, a pace ratio, one sentence that explains them, and a
verdict for each dated target.

What differs between target kinds lives in `kinds`; this module decides which years count and which status
follows, the same way for every kind. `results.compute_progress` runs it over a package.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scripts.core.package import CITY_AREA
from scripts.core.words import (
    BEHIND_FROM,
    CANNOT_JUDGE,
    DATA_STATUS_LABELS,
    FINAL_STATUS_LABELS,
    INTERIM_FIGURE,
    NOT_DUE,
    ON_TRACK_FROM,
    STATUS_LABELS,
)
from scripts.progress.figures import Figure
from scripts.progress.kinds import Kind, Reading, Sentence, Series
from scripts.progress.targets import RATIO_DIGITS, Plan, Target, target_for
from scripts.progress.text import sentence, span, unit_of, years

PROVISIONAL = DATA_STATUS_LABELS["provisional"]


@dataclass(frozen=True)
class Verdict:
    """One dated target judged on its own date: met, missed, or unknown (its figures are not all in)."""

    target: Target
    outcome: str  # met | missed | unknown (its year is over, a figure missing) | pending (its year is not over)
    measure: float | None  # what was compared with the target (None when unknown)
    text: str  # e.g. 2021年目标不低于6000万美元：5500万美元，未达到


@dataclass
class IndicatorProgress:
    """What the method makes of one indicator; the fields named in progress_csv.PROGRESS_FIELDS are its columns."""

    indicator_id: str
    kind: Kind
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
    interim: list[Figure] = field(default_factory=list)  # city figures for part of a year: shown, never decisive
    counted_years: list[int] = field(default_factory=list)  # full years that decided the status
    uncounted_years: list[int] = field(default_factory=list)  # full years after the start year that did not
    verdicts: list[Verdict] = field(default_factory=list)  # one per dated target, in year order
    deciding: Figure | None = None  # the full-year city figure the status was decided on (None: no status)
    missing_years: list[int] = field(default_factory=list)  # target years up to the last counted one without a figure


def assess(indicator: dict, kind: Kind, targets: list[Target], figures_by_area: dict[str, list[Figure]], plan: Plan,
           open_year: int | None = None) -> IndicatorProgress:
    """The status of one indicator from its targets and the city's full-year figures; `open_year` is the year in
    progress on the build date (its targets, and later ones, are not due yet; None: every year is over)."""
    city = figures_by_area.get(CITY_AREA, [])
    full = {f.period.year: f for f in city if f.period.full_year}
    interim = [f for f in city if f.interim]
    baseline = full[plan.base_year].value if plan.base_year in full and kind.uses_baseline else None
    result = IndicatorProgress(indicator["id"], kind, "no_data", STATUS_LABELS["no_data"], "", baseline_value=baseline,
                               interim=interim)
    after_base = [y for y in sorted(full) if y >= plan.start_year]
    if after_base:
        latest = full[after_base[-1]]
        result.latest_period, result.latest_value = latest.period.text, latest.value
    if not targets:
        result.note = "未设定目标值，无法计算进度。"
        return result
    higher = kind.higher_is_better(indicator["direction"])
    result.verdicts = dated_verdicts(kind, targets, full, plan, baseline, higher, unit_of(indicator), open_year)
    final = targets[-1]
    counted = kind.counted_years(after_base, targets, plan)
    result.counted_years = counted
    result.uncounted_years = [y for y in after_base if y not in counted]
    if not counted:
        others = any(area != CITY_AREA and figs for area, figs in figures_by_area.items())
        result.note = _nothing_counted(kind, after_base, targets, plan, interim, others)
        return result
    now = counted[-1]
    series = Series({y: full[y].value for y in counted}, now, targets, plan, baseline, higher)
    when = f"{now}年" + (f"（{PROVISIONAL}）" if full[now].status == "provisional" else "")
    result.latest_period, result.latest_value = full[now].period.text, full[now].value
    result.deciding = full[now]
    result.missing_years = kind.missing_years(series)
    status, target, reading = _judge(kind, series, final)
    _fill(result, status, target, reading)
    main = kind.explain(Sentence(series, status, reading, target, when, unit_of(indicator), now >= final.year))
    first = kind.first_counted_year(targets, plan)
    result.note = sentence(main, _uncounted_clauses(result.uncounted_years, counted, first, final, plan))
    return result


def _judge(kind: Kind, series: Series, final: Target) -> tuple[str, Target, Reading]:
    """The status, the target it was judged against, and the reading that decided it."""
    decided = series.now >= final.year
    target = final if decided else target_for(series.targets, series.now)
    reading = kind.read(series, target)
    if decided:
        return kind.final_status(series, reading), target, reading
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


# ---- each dated target on its own date --------------------------------------------------------------------------


def dated_verdicts(kind: Kind, targets: list[Target], full: dict[int, Figure], plan: Plan, baseline: float | None,
                   higher: bool, unit: str, open_year: int | None = None) -> list[Verdict]:
    """Every dated target judged on its own year, whatever later years bring: an intermediate target missed stays
    missed on the page even when the final target is met. A target whose year is not over yet, and whose figures
    are not all in, is not due: it is not "cannot be judged"."""
    verdicts = []
    for target in targets:
        needed = kind.years_for(target, targets, plan, {y: f.value for y, f in full.items()})
        missing = [y for y in needed if y not in full]
        words = kind.phrase(target, unit, plan)
        if missing and open_year is not None and target.year >= open_year:
            verdicts.append(Verdict(target, "pending", None, f"目标{words}：{NOT_DUE}"))
            continue
        if missing:
            verdicts.append(Verdict(target, "unknown", None,
                                    f"目标{words}：缺少{years(missing)}全市全年数字，{FINAL_STATUS_LABELS[CANNOT_JUDGE]}"))
            continue
        series = Series({y: full[y].value for y in needed}, target.year, targets, plan, baseline, higher)
        measure, hit = kind.judge_target(series, target)
        shown = kind.value_text(measure, kind.unit_override or unit)  # a milestone's 1 is 已实现
        # A verdict read on a provisional figure says so: the final figure may still turn it.
        provisional = [y for y in needed if full[y].status == "provisional"]
        caveat = f"（{years(provisional)}为{PROVISIONAL}）" if provisional else ""
        verdicts.append(Verdict(target, "met" if hit else "missed", measure,
                                f"目标{words}：{kind.verdict_measure_words(series)}{shown}，{'已达到' if hit else '未达到'}{caveat}"))
    return verdicts


# ---- the sentence when nothing or not everything counts ----------------------------------------------------------


def _nothing_counted(kind: Kind, after_base: list[int], targets: list[Target], plan: Plan, interim: list[Figure],
                     others: bool) -> str:
    final = targets[-1]
    first = kind.first_counted_year(targets, plan)
    extras = _uncounted_clauses(after_base, [], first, final, plan) if after_base and not kind.chained else []
    if not after_base:
        main, extras = f"暂无{first}年以来的全市全年数字", []
    elif kind.chained:  # the run must begin in the start year
        main = f"缺少{plan.start_year}年全市全年数字，无法从{plan.start_year}年起连续计算"
        extras = [f"已有{years(after_base)}的数字，暂不计入"]
    else:  # figures only outside the target years
        main = f"暂无{span(first, final.year)}的全市全年数字"
    if interim:
        extras.append(f"{INTERIM_FIGURE}（{'、'.join(f.period.label for f in interim)}）只作展示，不决定状态")
    if others:
        extras.append("分区域数字不决定状态")
    return sentence(main, extras)


def _uncounted_clauses(uncounted: list[int], counted: list[int], first: int, final: Target, plan: Plan) -> list[str]:
    """Why each full year with a figure did not count: before the rule's first year, a broken run, or too late."""
    early = [y for y in uncounted if y < first]
    broken = [y for y in uncounted if first <= y <= final.year]
    late = [y for y in uncounted if y > final.year]
    clauses = []
    if early:
        clauses.append(f"{years(early)}在{first}年之前，不在判断的年份之内，其数字未计入进度")
    if broken:
        missing = (counted[-1] + 1) if counted else plan.start_year
        clauses.append(f"{years(broken)}的数字因缺少{missing}年全年数字未计入进度")
    if late:
        clauses.append(f"{years(late)}的数字在最终目标年份之后，未计入进度")
    return clauses
