"""Progress against the plan: for every indicator a status, a pace ratio and one sentence that explains them."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from scripts.core import files
from scripts.core.csvcells import csv_text
from scripts.core.package import CITY_AREA, Package
from scripts.core.words import (
    BEHIND_FROM,
    COMPARATOR_WORDS,
    KIND_LABELS,
    ON_TRACK_FROM,
    STATUS_LABELS,
    number,
    pace_rule,
    status_meanings,
)
from scripts.core.periods import Period, parse_period

RATIO_DIGITS = 6  # R is rounded before it meets a boundary, so a hand-computed 0.95 is 0.95
CHAINED_KINDS = ("cumulative", "average_growth", "reduction")  # need every year from the start year

# The columns of progress.csv: (name, Chinese title, description); the download page prints them.
PROGRESS_FIELDS = [
    ("indicator_id", "指标编号", "指标表中的指标编号。"),
    ("status", "状态代码", "achieved 已达成；on_track 符合进度；behind 进度滞后；off_track 严重滞后；not_achieved 未达成；no_data 暂无数据。"),
    ("status_label", "状态", "状态的中文名称。"),
    ("pace_ratio", "进度比", "已完成目标的比例 ÷ 按进度此时应完成的比例（保留6位小数）；" + pace_rule() + "。已到最终目标年份的指标，状态按当年数字是否达标判定。无法计算时为空。"),
    ("latest_period", "最新全年", "计算所用的最新全年数字所属年份；暂无数据的指标为最新的全市全年数字（如有）。"),
    ("latest_value", "最新全年数字", "该年的全市数字，单位见指标表；累计类为当年新增数，年均增长和下降类为当年增长率或下降率（%）。"),
    ("measure", "对照目标的数值", "与目标比较的数值：累计类为起始年以来的累计数，年均增长类为至今的年均增长率（%），下降类为比基期累计下降的百分数，其余为最新全年数字。"),
    ("expected_by_now", "按进度应达", "按方案进度，到最新全年时应达到的数值，单位同“对照目标的数值”。"),
    ("target_year", "目标年份", "用来判断的目标年份：最新全年之后最近的目标年份；已到最终目标年份的，为最终目标年份。"),
    ("target_value", "目标值", "该年份的目标值，单位见指标表。"),
    ("gap", "差距", "距目标还差多少，单位同“对照目标的数值”：正数为尚差，负数为已超出。"),
    ("note", "说明", "用一句话说明状态是怎样得出的。"),
]


@dataclass(frozen=True)
class Plan:
    base_year: int
    start_year: int
    end_year: int

    @classmethod
    def of(cls, package: Package) -> Plan:
        plan = package.plan
        return cls(int(plan["base_year"]), int(plan["start_year"]), int(plan["end_year"]))


@dataclass(frozen=True)
class Target:
    year: int
    value: float
    comparator: str


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


@dataclass
class _Reading:
    """What one kind makes of the figures up to `now`, against one target."""

    measure: float
    expected_by_now: float | None
    achieved_share: float | None
    expected_share: float | None
    pace: float | None
    gap: float
    met: bool


# ---- reading the package ---------------------------------------------------------------------------------------


def collect_figures(package: Package) -> dict[str, dict[str, list[Figure]]]:
    """indicator id -> area id -> figures in period order (final preferred over provisional)."""
    chosen: dict[tuple, Figure] = {}
    for row in package.rows("observations"):
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
        result.setdefault(row["indicator_id"], []).append(Target(int(row["year"]), float(row["value"]), row["comparator"]))
    return result


def higher_is_better(indicator: dict) -> bool:
    """Whether a larger measure is better. A reduction's measure is a decrease, so there the direction flips."""
    if indicator["target_kind"] == "reduction":
        return indicator["direction"] == "decrease"
    return indicator["direction"] == "increase"


def target_for(targets: list[Target], year: int) -> Target:
    """The earliest target whose year is not before `year`, or the last target when `year` is past them all."""
    return next((t for t in targets if t.year >= year), targets[-1])


def expected_at(kind: str, year: int, target: Target, plan: Plan, baseline: float | None) -> float | None:
    """What the method expects the measure to be at the end of `year`, heading for `target` (the planned path).

    Charts draw the path year by year with `target_for(targets, year)`, as the status is judged.
    """
    elapsed = _share_of_time(year, target.year, plan)
    if kind == "level":
        return None if baseline is None else baseline + (target.value - baseline) * elapsed
    if kind == "cumulative":
        return target.value * elapsed
    if kind == "reduction":
        return (1 - (1 - target.value / 100) ** elapsed) * 100
    if kind in ("average_growth", "annual", "share"):
        return target.value
    return None  # milestone: done or not, no path in between


def _share_of_time(year: int, target_year: int, plan: Plan) -> float:
    """Years since the base year over years from the base year to the target year."""
    if target_year <= plan.base_year:
        return 1.0
    return (year - plan.base_year) / (target_year - plan.base_year)


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
    kind = indicator["target_kind"]
    higher = higher_is_better(indicator)
    unit = _unit(indicator)
    city = figures_by_area.get(CITY_AREA, [])
    full = {f.period.year: f for f in city if f.period.full_year}
    interim = [
        {"period": f.period.text, "label": f.period.label, "value": f.value, "status": f.status}
        for f in city
        if not f.period.full_year
    ]
    baseline = full[plan.base_year].value if plan.base_year in full and kind in ("level", "share") else None
    result = IndicatorProgress(indicator["id"], kind, "no_data", STATUS_LABELS["no_data"], "", baseline_value=baseline, interim=interim)
    after_base = [y for y in sorted(full) if y >= plan.start_year]
    others = any(area != CITY_AREA and figs for area, figs in figures_by_area.items())
    if after_base:
        latest = full[after_base[-1]]
        result.latest_period, result.latest_value = latest.period.text, latest.value
    if not targets:
        result.note = "未设定目标值，无法计算进度。"
        return result
    final = targets[-1]
    if kind in CHAINED_KINDS:
        counted = []
        while plan.start_year + len(counted) in full and plan.start_year + len(counted) <= final.year:
            counted.append(plan.start_year + len(counted))
    else:
        counted = [y for y in after_base if y <= final.year]
    result.counted_years = counted
    result.uncounted_years = [y for y in after_base if y not in counted]
    extras = _uncounted_clauses(result.uncounted_years, counted, final, plan)
    if not counted:
        if not after_base:
            main, extras = f"暂无{plan.start_year}年以来的全市全年数字", []
        elif kind in CHAINED_KINDS:  # the run must begin in the start year
            main = f"缺少{plan.start_year}年全市全年数字，无法从{plan.start_year}年起连续计算"
            extras = [f"已有{_years(after_base)}的数字，暂不计入"]
        else:  # figures only after the last target year
            main = f"暂无{_span(plan.start_year, final.year)}的全市全年数字"
        if interim:
            extras.append(f"阶段性数字（{'、'.join(i['label'] for i in interim)}）只作展示，不决定状态")
        if others:
            extras.append("分区域数字不决定状态")
        result.note = _sentence(main, extras)
        return result

    now = counted[-1]
    values = {y: full[y].value for y in counted}
    when = f"{now}年" + ("（初步数）" if full[now].status == "provisional" else "")
    result.latest_period, result.latest_value = full[now].period.text, full[now].value
    decided = now >= final.year
    target = final if decided else target_for(targets, now)
    reading = _read(kind, values, now, target, targets, plan, baseline, higher)
    early = None if decided else _early_reading(kind, values, now, final, targets, plan, baseline, higher)
    if decided:
        status = "achieved" if reading.met else "not_achieved"
    elif early:
        status, target, reading = "achieved", final, early
    elif kind == "level" and baseline is None:
        status = "no_data"
    elif reading.pace is None:
        # Only where the ratio has no denominator: a cap not yet touched, or a zero target.
        status = "on_track" if reading.met else "off_track"
    else:
        status = classify(reading.pace)

    result.status, result.status_label = status, STATUS_LABELS[status]
    result.target_year, result.target_value, result.comparator = target.year, target.value, target.comparator
    result.measure, result.expected_by_now, result.gap = reading.measure, reading.expected_by_now, reading.gap
    result.achieved_share, result.expected_share = reading.achieved_share, reading.expected_share
    result.pace_ratio = None if reading.pace is None else round(reading.pace, RATIO_DIGITS)
    main = _explain(kind, status, reading, values, now, when, target, targets, plan, baseline, unit, decided, higher)
    result.note = _sentence(main, extras)
    return result


def classify(pace: float) -> str:
    """on_track, behind or off_track for a pace ratio R, compared after rounding to 6 decimals."""
    r = round(pace, RATIO_DIGITS)
    if r >= ON_TRACK_FROM:
        return "on_track"
    if r >= BEHIND_FROM:
        return "behind"
    return "off_track"


def met(value: float, target: Target, higher: bool) -> bool:
    """Whether a value satisfies a target; '=' means reaching it from the better side."""
    v, t = round(value, RATIO_DIGITS), round(target.value, RATIO_DIGITS)
    if target.comparator == ">=" or (target.comparator == "=" and higher):
        return v >= t
    return v <= t


def _read(kind, values, now, target, targets, plan, baseline, higher) -> _Reading:
    """Measure, expected-by-now, shares and R for the counted full years `values` up to `now`, against `target`."""
    years = sorted(values)
    v = values[now]
    time_share = _share_of_time(now, target.year, plan)

    def gap(measure: float) -> float:
        return target.value - measure if higher else measure - target.value

    if kind == "level":
        expected = expected_at(kind, now, target, plan, baseline)
        achieved_share = pace = None
        if baseline is not None:
            change = target.value - baseline
            if change != 0 and (change > 0) == higher:
                achieved_share = (v - baseline) / change
                pace = achieved_share / time_share
            else:  # the baseline already sits on the target's side: nothing to close, only to hold
                pace = 1.0 if met(v, target, higher) else 0.0
        return _Reading(v, expected, achieved_share, time_share, pace, gap(v), met(v, target, higher))

    if kind == "cumulative":
        total = sum(values[y] for y in years)
        expected = expected_at(kind, now, target, plan, baseline)
        achieved_share = total / target.value if target.value else None
        if higher:
            pace = total / expected if expected else None
        else:  # a cap on a total: being under the planned share is good
            pace = expected / total if total > 0 else None
        return _Reading(total, expected, achieved_share, time_share, pace, gap(total), met(total, target, higher))

    if kind == "annual":
        # `target` is this year's own threshold: the earliest target not before `now`.
        hits = [y for y in years if met(values[y], target_for(targets, y), higher)]
        share = len(hits) / len(years)
        all_met = len(hits) == len(years) and years == list(range(plan.start_year, target.year + 1))
        return _Reading(v, target.value, share, 1.0, share, gap(v), all_met)

    if kind == "average_growth":
        n = now - plan.base_year
        n_target = max(target.year - plan.base_year, 1)
        growth = math.prod(1 + values[y] / 100 for y in years)
        average = (growth ** (1 / n) - 1) * 100
        rate = target.value / 100
        needed_now, needed_total = (1 + rate) ** n - 1, (1 + rate) ** n_target - 1
        achieved_share = expected_share = None
        if needed_total != 0 and (needed_total > 0) == higher:
            achieved_share, expected_share = (growth - 1) / needed_total, needed_now / needed_total
            pace = (growth - 1) / needed_now
        else:  # a ceiling on growth (or a zero target): only whether it holds
            pace = 1.0 if met(average, target, higher) else 0.0
        return _Reading(average, target.value, achieved_share, expected_share, pace, gap(average), met(average, target, higher))

    if kind == "reduction":
        decrease = (1 - math.prod(1 - values[y] / 100 for y in years)) * 100
        expected = expected_at(kind, now, target, plan, baseline)
        achieved_share = decrease / target.value if target.value else None
        expected_share = expected / target.value if target.value else None
        if higher:
            pace = decrease / expected if expected else None
        else:  # a cap on how far the quantity may fall
            pace = expected / decrease if decrease > 0 else None
        return _Reading(decrease, expected, achieved_share, expected_share, pace, gap(decrease), met(decrease, target, higher))

    if kind == "share":
        if higher:
            pace = v / target.value if target.value else None
        else:
            pace = target.value / v if v > 0 else None
        return _Reading(v, target.value, pace, 1.0, pace, gap(v), met(v, target, higher))

    if kind == "milestone":
        done = met(v, target, higher)
        achieved_share = 1.0 if done else 0.0
        return _Reading(v, None, achieved_share, time_share, achieved_share / time_share, gap(v), done)

    raise ValueError(f"unknown target kind: {kind!r}")


def _early_reading(kind, values, now, final, targets, plan, baseline, higher) -> _Reading | None:
    """The reading against the final target when that target is already met before its year; else None.

    Levels, shares and milestones count when the latest figure meets the final target. Chained kinds count
    when the total so far already covers the whole target (a cap on a total cannot be met early). An
    `annual` target is met only when every year's figure is in.
    """
    if kind == "annual" or (kind in CHAINED_KINDS and not higher):
        return None
    reading = _read(kind, values, now, final, targets, plan, baseline, higher)
    if kind == "average_growth":
        covered = reading.achieved_share is not None and round(reading.achieved_share, RATIO_DIGITS) >= 1
    else:
        covered = reading.met
    return reading if covered else None


# ---- the sentence ----------------------------------------------------------------------------------------------


def _explain(kind, status, reading, values, now, when, target, targets, plan, baseline, unit, decided, higher) -> str:
    """The main clause of the note (no final full stop)."""
    S, B = plan.start_year, plan.base_year
    span = _span(S, now)
    target_text = _target_text(kind, target, unit, plan)
    verdict = "已达到" if status == "achieved" and decided else "已提前达到" if status == "achieved" else "未达到"
    final_clause = status in ("achieved", "not_achieved")
    m, e = reading.measure, reading.expected_by_now

    if kind == "level":
        if final_clause:
            return f"{when}为{_q(m, unit)}，{target_text}，{verdict}"
        if baseline is None:
            return f"缺少{B}年基期数字，无法计算进度；{when}为{_q(m, unit)}，{target_text}"
        return f"{when}为{_q(m, unit)}，按进度应达{_q(e, unit)}（{B}年基期{_q(baseline, unit)}，{target_text}）"
    if kind == "cumulative":
        if final_clause:
            return f"{span}累计{_q(m, unit)}，{target_text}，{verdict}"
        return f"截至{when}累计{_q(m, unit)}，按进度应达{_q(e, unit)}（{target_text}）"
    if kind == "annual":
        years = sorted(values)
        hits = [y for y in years if met(values[y], target_for(targets, y), higher)]
        every = _annual_target_text(targets, unit, target.year)
        if status == "achieved":
            return f"{_span(S, target.year)}每年都达到当年目标（{every}）"
        if status == "not_achieved":
            missing = [y for y in range(S, target.year + 1) if y not in values]
            missed = [y for y in years if y not in hits]
            parts = ([f"{_years(missed)}未达到当年目标"] if missed else []) + ([f"{_years(missing)}缺少全年数字"] if missing else [])
            return f"{_span(S, target.year)}中，{'，'.join(parts)}（{every}）"
        if len(years) == 1:
            return f"{when}为{_q(values[now], unit)}，{'达到' if hits else '未达到'}当年目标（{every}）"
        result = "都达到当年目标" if len(hits) == len(years) else "都未达到当年目标" if not hits else f"中{len(hits)}年达到当年目标"
        return f"{span}有全年数字的{len(years)}年{result}（{every}）"
    if kind == "average_growth":
        growth = (math.prod(1 + values[y] / 100 for y in values) - 1) * 100
        if status == "achieved" and not decided:
            needed = ((1 + target.value / 100) ** (target.year - B) - 1) * 100
            return f"{span}累计增长{_q(growth, '%')}，已超过{target_text}所需的累计增长{_q(needed, '%')}，提前达到目标"
        if final_clause:
            return f"{span}年均增长{_q(m, '%')}，{target_text}，{verdict}"
        needed = ((1 + target.value / 100) ** (now - B) - 1) * 100
        return f"{span}年均增长{_q(m, '%')}，{target_text}（累计增长{_q(growth, '%')}，按进度应累计增长{_q(needed, '%')}）"
    if kind == "reduction":
        if final_clause:
            return f"截至{when}比{B}年累计下降{_q(m, '%')}，{target_text}，{verdict}"
        return f"截至{when}比{B}年累计下降{_q(m, '%')}，按进度应累计下降{_q(e, '%')}（{target_text}）"
    if kind == "share":
        if final_clause:
            return f"{when}为{_q(m, unit)}，{target_text}，{verdict}"
        return f"{when}为{_q(m, unit)}，{target_text}"
    if kind == "milestone":
        if status == "achieved":
            return f"{when}已实现（目标{target.year}年实现）"
        if status == "not_achieved":
            return f"{when}尚未实现，目标{target.year}年实现，未达到"
        return f"截至{when}尚未实现，目标{target.year}年实现"
    raise ValueError(f"unknown target kind: {kind!r}")


def _uncounted_clauses(uncounted: list[int], counted: list[int], final: Target, plan: Plan) -> list[str]:
    clauses = []
    broken = [y for y in uncounted if y <= final.year]
    late = [y for y in uncounted if y > final.year]
    if broken:
        missing = (counted[-1] + 1) if counted else plan.start_year
        clauses.append(f"{_years(broken)}的数字因缺少{missing}年全年数字未计入进度")
    if late:
        clauses.append(f"{_years(late)}的数字在最终目标年份之后，未计入进度")
    return clauses


def _target_text(kind: str, target: Target, unit: str, plan: Plan) -> str:
    words = COMPARATOR_WORDS[target.comparator]
    if kind == "reduction":
        return f"{target.year}年目标比{plan.base_year}年累计下降{words}{_q(target.value, '%')}"
    if kind == "average_growth":
        return f"{_span(plan.start_year, target.year)}目标年均增长{words}{_q(target.value, '%')}"
    if kind == "milestone":
        return f"目标{target.year}年实现"
    return f"{target.year}年目标{words}{_q(target.value, unit)}"


def _annual_target_text(targets: list[Target], unit: str, last_year: int) -> str:
    if len({(t.value, t.comparator) for t in targets}) == 1:
        t = targets[0]
        return f"每年目标{COMPARATOR_WORDS[t.comparator]}{_q(t.value, unit)}"
    t = target_for(targets, last_year)
    return f"{t.year}年目标{COMPARATOR_WORDS[t.comparator]}{_q(t.value, unit)}"


def _sentence(main: str, extras: list[str]) -> str:
    return "；".join([main, *extras]) + "。"


def _span(first: int, last: int) -> str:
    return f"{first}年" if first == last else f"{first}—{last}年"


def _years(years: list[int]) -> str:
    return "、".join(f"{y}年" for y in years)


def _unit(indicator: dict) -> str:
    unit = indicator.get("unit") or ""
    return "" if unit in ("是/否",) else unit


def _q(value: float | None, unit: str) -> str:
    return f"{number(value)}{unit}"


# ---- roll-ups and files ----------------------------------------------------------------------------------------


def count_statuses(statuses) -> dict[str, int]:
    """How many of each status, every status listed (zero included), in STATUS_LABELS order.

    Accepts status codes or objects with a `.status` (such as IndicatorProgress).
    """
    counts = dict.fromkeys(STATUS_LABELS, 0)
    for item in statuses:
        code = getattr(item, "status", item)
        if code not in counts:
            raise ValueError(f"unknown status: {code!r}")
        counts[code] += 1
    return counts


def write_progress_csv(results: dict[str, IndicatorProgress], path: Path | str) -> Path:
    """Write progress.csv (UTF-8 with BOM, so that Excel opens the Chinese text correctly)."""
    names = [name for name, _, _ in PROGRESS_FIELDS]
    rows = [[_cell(getattr(result, name)) for name in names] for result in results.values()]
    return files.write_text(path, csv_text([names, *rows]), encoding="utf-8-sig")  # cells made safe for Excel


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return number(value, RATIO_DIGITS)
    return str(value)


# ---- worked examples -------------------------------------------------------------------------------------------

# (id, kind, direction, unit, targets as (year offset from the end year, value, comparator),
#  city full-year figures as {year offset from the base year: value}); all fictional.
_EXAMPLES = [
    ("level", "level", "increase", "万元", [(0, 22, ">=")], {0: 16, 2: 20.5}),
    ("level-decrease", "level", "decrease", "吨", [(0, 70, "<=")], {0: 100, 1: 90, 2: 85}),
    ("level-no-baseline", "level", "increase", "家", [(0, 21, ">=")], {2: 15}),
    ("cumulative", "cumulative", "increase", "家", [(0, 1200, ">=")], {1: 120, 2: 80}),
    ("cumulative-achieved", "cumulative", "increase", "个", [(0, 60, ">=")], {1: 18, 2: 22, 3: 25}),
    ("annual", "annual", "increase", "台", [(-2, 500, ">="), (-1, 500, ">="), (0, 500, ">=")], {1: 520, 2: 480, 3: 510}),
    ("average-growth", "average_growth", "increase", "%", [(0, 15, ">=")], {1: 20, 2: 8}),
    ("reduction", "reduction", "decrease", "%", [(0, 10.4, ">=")], {1: 2.0, 2: 2.5}),
    ("share", "share", "increase", "%", [(0, 100, ">=")], {1: 80, 2: 55}),
    ("milestone", "milestone", "increase", "是/否", [(0, 1, "=")], {1: 0, 2: 1}),
]


def worked_examples(plan: dict | None = None) -> list[dict]:
    """One fictional indicator per target kind (and enough to show every status), assessed by compute_progress.

    Each dict: id, kind, kind_label, direction, unit, targets_text, figures_text, status, status_label,
    pace_ratio, note, explanation (the arithmetic, in Chinese). Years follow the plan in the shipped descriptor
    unless `plan` (base_year, start_year, end_year) is given.
    """
    if plan is None:
        from scripts.core.package import read_descriptor

        plan = read_descriptor()[1]["plan"]
    p = Plan(int(plan["base_year"]), int(plan["start_year"]), int(plan["end_year"]))
    indicators, targets, observations = [], [], []
    for order, (suffix, kind, direction, unit, target_rows, figure_rows) in enumerate(_EXAMPLES, start=1):
        indicator_id = f"example-{suffix}"
        indicators.append({"id": indicator_id, "name": indicator_id, "unit": unit, "direction": direction, "target_kind": kind, "order": order})
        targets += [{"indicator_id": indicator_id, "year": p.end_year + dy, "value": float(v), "comparator": c} for dy, v, c in target_rows]
        observations += [
            {"indicator_id": indicator_id, "area_id": CITY_AREA, "period": str(p.base_year + dy), "value": float(v), "status": "final"}
            for dy, v in figure_rows.items()
        ]
    package = Package(
        path=Path("worked-examples/datapackage.json"),
        descriptor={"plan": {"base_year": p.base_year, "start_year": p.start_year, "end_year": p.end_year}},
        tables={"indicators": indicators, "targets": targets, "observations": observations},
    )
    results = compute_progress(package)
    examples = []
    for ind in indicators:
        r = results[ind["id"]]
        unit = _unit(ind)
        its_targets = [t for t in targets if t["indicator_id"] == ind["id"]]
        its_figures = [o for o in observations if o["indicator_id"] == ind["id"]]
        examples.append({
            "id": ind["id"],
            "kind": ind["target_kind"],
            "kind_label": KIND_LABELS[ind["target_kind"]],
            "direction": ind["direction"],
            "unit": ind["unit"],
            "targets_text": "；".join(
                _target_text(ind["target_kind"], Target(t["year"], t["value"], t["comparator"]), unit, p) for t in its_targets
            ),
            "figures_text": "；".join(_figure_text(ind["target_kind"], int(o["period"]), o["value"], unit, p) for o in its_figures),
            "status": r.status,
            "status_label": r.status_label,
            "pace_ratio": r.pace_ratio,
            "note": r.note,
            "explanation": _explanation(ind, r, its_figures, p),
        })
    return examples


def _figure_text(kind: str, year: int, value: float, unit: str, p: Plan) -> str:
    if kind == "milestone":
        return f"{year}年{'已实现' if value >= 1 else '未实现'}"
    what = {"cumulative": "新增", "average_growth": "增长", "reduction": "下降"}.get(kind, "") if year >= p.start_year else ""
    return f"{year}年{what}{_q(value, unit)}"


def _explanation(ind: dict, r: IndicatorProgress, figures: list[dict], p: Plan) -> str:
    """The example's arithmetic with the computed numbers, and the rule that gives its status."""
    kind = ind["target_kind"]
    f = number
    head = "越低越好。" if ind["direction"] == "decrease" and kind != "reduction" else ""
    now = int(r.latest_period) if r.latest_period else None
    n, N = (now - p.base_year if now else None), (r.target_year - p.base_year if r.target_year else None)
    if r.status == "no_data":
        return head + r.note + "状态为暂无数据。"
    if kind == "level" and r.achieved_share is not None and r.status not in ("achieved", "not_achieved"):
        b = r.baseline_value
        math_text = (
            f"已完成比例 =（{f(r.measure)} − {f(b)}）÷（{f(r.target_value)} − {f(b)}）= {f(r.achieved_share, 4)}；"
            f"应完成比例 = {n} ÷ {N} = {f(r.expected_share, 4)}；R = {f(r.achieved_share, 4)} ÷ {f(r.expected_share, 4)} = {f(r.pace_ratio, 4)}。"
        )
    elif kind == "cumulative" and r.status not in ("achieved", "not_achieved"):
        math_text = (
            f"累计 {f(r.measure)}；按进度应达 {f(r.target_value)} × {n} ÷ {N} = {f(r.expected_by_now)}；"
            f"R = {f(r.measure)} ÷ {f(r.expected_by_now)} = {f(r.pace_ratio, 4)}。"
        )
    elif kind == "average_growth" and r.status not in ("achieved", "not_achieved"):
        rates = [o["value"] for o in figures if int(o["period"]) >= p.start_year]
        product = " × ".join(f"(1 + {f(g / 100, 4)})" for g in rates)
        math_text = (
            f"累计增长 = {product} − 1 = {f(math.prod(1 + g / 100 for g in rates) - 1, 4)}；"
            f"按进度应累计增长 = (1 + {f(r.target_value / 100, 4)})^{n} − 1 = {f((1 + r.target_value / 100) ** n - 1, 4)}；"
            f"R = 两者之比 = {f(r.pace_ratio, 4)}。"
        )
    elif kind == "reduction" and r.status not in ("achieved", "not_achieved"):
        rates = [o["value"] for o in figures if int(o["period"]) >= p.start_year]
        product = " × ".join(f"(1 − {f(d / 100, 4)})" for d in rates)
        math_text = (
            f"累计下降 = 1 − {product} = {f(r.measure / 100, 4)}；"
            f"按进度应累计下降 = 1 − (1 − {f(r.target_value / 100, 4)})^({n}/{N}) = {f(r.expected_by_now / 100, 4)}；"
            f"R = {f(r.measure / 100, 4)} ÷ {f(r.expected_by_now / 100, 4)} = {f(r.pace_ratio, 4)}。"
        )
    elif kind == "share" and r.status not in ("achieved", "not_achieved"):
        math_text = f"R = 最新数字 ÷ 门槛 = {f(r.measure)} ÷ {f(r.target_value)} = {f(r.pace_ratio, 4)}。"
    elif kind == "milestone" and r.status not in ("achieved", "not_achieved"):
        math_text = f"已完成比例 0，应完成比例 {n} ÷ {N}；R = 0。"
    elif kind == "annual" and r.status not in ("achieved", "not_achieved"):
        math_text = f"R = 达标年数 ÷ 有数字的年数 = {f(r.pace_ratio, 4)}。"
    else:
        math_text = ""
    rule = f"状态为{r.status_label}：{status_meanings()[r.status]}"
    return head + (math_text or r.note) + rule
