"""What every target kind has in common: the series it reads, the reading, the sentence, and the Kind interface."""

from __future__ import annotations

from dataclasses import dataclass

from scripts.core.words import COMPARATOR_WORDS
from scripts.progress.targets import Plan, Target
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
    """The interface; subclasses fill in what differs. Defaults suit a threshold read on the latest year."""

    code = ""
    chained = False  # needs every year from the start year (a total, an average, a compound decrease)
    uses_baseline = False  # the base-year figure takes part in the reading
    needs_baseline = False  # without a base-year figure there is no pace: the status is no_data
    percent_sign = ""  # the measure is a percentage whatever the indicator's unit
    zero_based = False  # charts start the axis at zero
    running = False  # charts draw the measure accumulated from the start year
    path_from_start = False  # the planned path begins in the start year (else in the base year)
    draws_path = True
    unit_override: str | None = None  # the unit the target is stated in, when not the indicator's
    explains_final = False  # the worked example shows its arithmetic once the status is final too

    # ---- reading
    def expected_at(self, year: int, target: Target, plan: Plan, baseline: float | None) -> float | None:
        return target.value

    def read(self, s: Series, target: Target) -> Reading:
        raise NotImplementedError

    def can_finish_early(self, higher: bool) -> bool:
        return not (self.chained and not higher)

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

    def accumulate(self, so_far: float, value: float) -> float:
        return value


def cmp(target: Target) -> str:
    return COMPARATOR_WORDS[target.comparator]


def elapsed(r, plan: Plan) -> tuple[int | None, int | None]:
    now = int(r.latest_period) if r.latest_period else None
    return (now - plan.base_year if now else None), (r.target_year - plan.base_year if r.target_year else None)
