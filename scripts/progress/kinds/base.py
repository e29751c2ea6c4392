"""What every target kind has in common: the series it reads, the reading, the sentence, and the Kind interface."""

from __future__ import annotations

from dataclasses import dataclass

from scripts.core.words import ACHIEVED_SHARE, ACHIEVED_SHARE_BY, COMPARATOR_WORDS, DIRECTION_LABELS, INTERIM_FIGURE, KIND_LABELS, number
from scripts.progress.targets import RATIO_DIGITS, Plan, Target, met, rounded, target_for
from scripts.progress.text import q, threshold


@dataclass(frozen=True)
class Series:
    """The counted full-year city figures of one indicator, up to `now`, and what they are judged against."""

    values: dict[int, float]
    now: int
    targets: list[Target]
    plan: Plan
    baseline: float | None
    higher: bool


@dataclass(frozen=True)
class Reading:
    """What one kind makes of a series against one target."""

    measure: float
    expected_by_now: float | None
    achieved_share: float | None
    expected_share: float | None
    pace: float | None
    gap: float
    met: bool


@dataclass(frozen=True)
class Sentence:
    """Everything the main clause of a note needs (the status is already decided)."""

    series: Series
    status: str
    reading: Reading
    target: Target
    when: str  # e.g. 2022年（初步数）
    unit: str
    decided: bool  # the final target year's figure is in

    @property
    def final(self) -> bool:
        return self.status in ("achieved", "not_achieved")

    @property
    def verdict(self) -> str:
        if self.status == "achieved":
            return "已达到" if self.decided else "已提前达到"
        return "未达到"


def gap(series: Series, target: Target, measure: float) -> float:
    return target.value - measure if series.higher else measure - target.value


class Kind:
    """The interface; subclasses fill in what differs. Defaults suit a threshold read on the latest year.

    A kind knows how to read figures against a target, how to judge and describe them, and how a chart draws
    them: nothing outside this package asks which kind an indicator has.
    """

    code = ""
    chained = False  # needs every year from the start year (a total, an average, a compound decrease)
    uses_baseline = False  # the base-year figure takes part in the reading
    needs_baseline = False  # without a base-year figure there is no pace: the status is no_data
    percent_sign = ""  # the measure is a percentage whatever the indicator's unit
    zero_based = False  # charts start the axis at zero
    running = False  # the measure runs on from the start year (run_measure): charts draw it, not each year's figure
    path_from_start = False  # the planned path begins in the start year (else in the base year)
    draws_path = True
    unit_override: str | None = None  # the unit the target is stated in, when not the indicator's
    explains_final = False  # the worked example shows its arithmetic once the status is final too
    interim_words = f"{INTERIM_FIGURE}（季度、半年或月度）"  # what a figure for part of a year is, as charts name it
    # Decimals at which the measure meets a target: a figure as published is compared as it is (to RATIO_DIGITS,
    # which only removes float noise); a measure derived from several figures is compared as bulletins write it.
    compare_digits = RATIO_DIGITS

    # What one year's figure is: a level at the year's end, a flow over the year, a rate, or done / not done.
    figure = "level"

    @property
    def label(self) -> str:
        return KIND_LABELS[self.code]

    def default_comparator(self, direction: str) -> str:
        """How a target of this kind is usually stated: 以上 (>=) or, for a level meant to fall, 以下 (<=)."""
        return ">="

    # ---- direction
    def higher_is_better(self, direction: str) -> bool:
        """Whether a larger measure is better for an indicator of this direction ("increase" or "decrease")."""
        return direction == "increase"

    def direction_words(self, direction: str) -> str:
        """The direction as readers need it beside the measure shown, e.g. 越高越好."""
        return DIRECTION_LABELS["increase" if self.higher_is_better(direction) else "decrease"]

    def at_precision(self, value: float) -> str:
        """A measure as it is compared with a target: 24.996 -> 25.0 for a kind compared at one decimal."""
        return f"{rounded(value, self.compare_digits):.{self.compare_digits}f}"

    def meets(self, value: float, target: Target, higher: bool) -> bool:
        """Whether a measure of this kind meets a target, compared at the kind's precision."""
        return met(value, target, higher, self.compare_digits)

    # ---- reading
    def expected_at(self, year: int, target: Target, plan: Plan, baseline: float | None) -> float | None:
        return target.value

    def read(self, s: Series, target: Target) -> Reading:
        raise NotImplementedError

    def can_finish_early(self, higher: bool) -> bool:
        """Whether a target met before its year stays met: only where nothing the later years bring can undo it."""
        return False

    def first_counted_year(self, targets: list[Target], plan: Plan) -> int:
        """The first year whose figure takes part in the status."""
        return plan.start_year

    def counted_years(self, full_years: list[int], targets: list[Target], plan: Plan) -> list[int]:
        """The full years (from the start year on) that decide the status: each one up to the final target year,
        or for a kind that needs every year (chained), the unbroken run from the start year."""
        final = targets[-1].year
        if not self.chained:
            first = self.first_counted_year(targets, plan)
            return [y for y in full_years if first <= y <= final]
        counted = []
        while plan.start_year + len(counted) in full_years and plan.start_year + len(counted) <= final:
            counted.append(plan.start_year + len(counted))
        return counted

    def missing_years(self, series: Series) -> list[int]:
        """Years up to now that the status needs and that have no figure (none where every year is not needed)."""
        return []

    def final_status(self, series: Series, reading: Reading) -> str:
        """The status once the final target year's figure is in."""
        return "achieved" if reading.met else "not_achieved"

    def years_for(self, target: Target, targets: list[Target], plan: Plan, available: dict[int, float]) -> list[int]:
        """The full years whose figures decide whether one dated target is met; `available`: year -> the city's
        full-year figure, for every year that has one."""
        if self.chained:
            return list(range(plan.start_year, target.year + 1))
        return [target.year]

    def needed_years(self, targets: list[Target], plan: Plan, available: dict[int, float]) -> list[int]:
        """The full years whose figures the final verdict needs."""
        return self.years_for(targets[-1], targets, plan, available)

    def judge_target(self, series: Series, target: Target) -> tuple[float, bool]:
        """The measure compared with one dated target, and whether it meets it (series.now is the target's year)."""
        reading = self.read(series, target)
        return reading.measure, reading.met

    def verdict_measure_words(self, series: Series) -> str:
        """What the measure of a dated target's verdict is, before its number: 2021年为."""
        return f"{series.now}年为"

    def lost(self, series: Series) -> bool:
        """Whether the final target can no longer be met, whatever the years still to come bring."""
        return False

    def covers(self, reading: Reading) -> bool:
        """Whether a reading against the final target already meets it."""
        return reading.met

    # ---- words
    def phrase(self, target: Target, unit: str, plan: Plan) -> str:
        """One target in words, as pages and notes both say it: 2023年不低于22万元."""
        return f"{target.year}年{cmp(target)}{threshold(target.value, self.unit_override or unit)}"

    def describe(self, targets: list[Target], unit: str, plan: Plan) -> str:
        return "；".join(self.phrase(t, unit, plan) for t in targets)

    def sentence_target(self, s: Sentence) -> str:
        return "目标是" + self.phrase(s.target, s.unit, s.series.plan)

    def explain(self, s: Sentence) -> str:
        return f"{s.when}为{q(s.reading.measure, s.unit)}，{self.sentence_target(s)}" + (f"，{s.verdict}" if s.final else "")

    def figure_text(self, year: int, value: float, unit: str, plan: Plan) -> str:
        """A fictional figure of the worked examples in words."""
        return f"{year}年{q(value, unit)}"

    def example_math(self, r, figures: list[dict], targets: list[Target], plan: Plan, higher: bool) -> str:
        """The worked example's arithmetic while the status is a pace (not final); "" where there is none."""
        return ""

    # ---- charts
    def measure_title(self, unit: str, plan: Plan) -> str:
        return f"单位：{unit}"

    def measure_words(self, plan: Plan) -> str:
        """What the chart's full-year values are, in the chart's text alternative."""
        return "数字"

    def run_measure(self, values: list[float]) -> float:
        """The measure of an unbroken run of yearly figures from the start year, in year order (a running kind
        only): what a status, a dated target's verdict and a chart's point all read, worked out here alone."""
        raise NotImplementedError

    def path(self, targets: list[Target], plan: Plan, baseline: float | None) -> list[tuple[int, float]]:
        """The planned path year by year, each year heading for its own next target, as the status is judged."""
        if not targets or not self.draws_path:
            return []
        points = []
        for year in range(self.path_first_year(targets, plan), targets[-1].year + 1):
            value = self.expected_at(year, target_for(targets, year), plan, baseline)
            if value is not None:
                points.append((year, value))
        return points

    def path_first_year(self, targets: list[Target], plan: Plan) -> int:
        """The first year of the planned path: the start year where the path begins there, else the base year."""
        return plan.start_year if self.path_from_start else plan.base_year

    def value_text(self, value: float, unit: str) -> str:
        """A value of the chart in words with its unit."""
        return f"{number(value)}{self.percent_sign or unit}"

    def target_text(self, target: Target, unit: str) -> str:
        """A target in the chart's text alternative: 2023年22万元."""
        return f"{target.year}年{self.value_text(target.value, unit)}"

    def figure_label(self, period, value: float, joined: bool) -> str:
        """The number written above a city's full-year point (what it is, the legend says)."""
        return number(value) + self.percent_sign

    def y_axis(self) -> dict:
        """Vega-Lite scale and axis settings of the value axis (a domain that holds every value drawn is added)."""
        return {"scale": {"zero": self.zero_based}}

    def achievement_text(self, r, pace: bool = True) -> str:
        """How far the figures have come, in a few words beside a status (the dashboard's row text); with pace, and
        the status not final, what the plan's pace expected by now (a running plan's words, not a report card's);
        without pace (an ended plan), the year the share was reached by, so it does not read as the final outcome."""
        share = _percent(r.achieved_share)
        if not pace and r.latest_period:
            return ACHIEVED_SHARE_BY.format(year=r.latest_period, share=share)
        text = ACHIEVED_SHARE.format(share=share)
        expected = r.expected_share if pace and r.status not in ("achieved", "not_achieved") else None
        return text + (f"，按进度应完成{_percent(expected)}" if expected is not None else "")


def _percent(share: float) -> str:
    return f"{number(share * 100, 0)}%"


def cmp(target: Target) -> str:
    return COMPARATOR_WORDS[target.comparator]


def elapsed(r, plan: Plan) -> tuple[int | None, int | None]:
    now = int(r.latest_period) if r.latest_period else None
    return (now - plan.base_year if now else None), (r.target_year - plan.base_year if r.target_year else None)
