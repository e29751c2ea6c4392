"""One object per target kind: how its figures are read against a target, put into words, and drawn.

Adding a kind means one class here (registered in KINDS), its code in the schema's enum, and its tests.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from scripts.core.words import COMPARATOR_WORDS, number
from scripts.progress.targets import RATIO_DIGITS, Plan, Target, met, share_of_time, target_for
from scripts.progress.text import q, span, threshold, unit_of, years


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


def _gap(series: Series, target: Target, measure: float) -> float:
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

    # ---- reading
    def expected_at(self, year: int, target: Target, plan: Plan, baseline: float | None) -> float | None:
        return target.value

    def read(self, s: Series, target: Target) -> Reading:
        raise NotImplementedError

    def can_finish_early(self, higher: bool) -> bool:
        return not (self.chained and not higher)

    def covers(self, reading: Reading) -> bool:
        """Whether a reading against the final target already meets it."""
        return reading.met

    # ---- words
    def phrase(self, target: Target, unit: str, plan: Plan) -> str:
        """One target in words, as pages and notes both say it: 2023年不低于22万元."""
        return f"{target.year}年{_cmp(target)}{threshold(target.value, self.unit_override or unit)}"

    def describe(self, targets: list[Target], unit: str, plan: Plan) -> str:
        return "；".join(self.phrase(t, unit, plan) for t in targets)

    def sentence_target(self, s: Sentence) -> str:
        return "目标是" + self.phrase(s.target, s.unit, s.series.plan)

    def explain(self, s: Sentence) -> str:
        return f"{s.when}为{q(s.reading.measure, s.unit)}，{self.sentence_target(s)}" + (f"，{s.verdict}" if s.final else "")

    def figure_text(self, year: int, value: float, unit: str, plan: Plan) -> str:
        """A fictional figure of the worked examples in words."""
        return f"{year}年{q(value, unit)}"

    explains_final = False  # the worked example shows its arithmetic once the status is final too

    def example_math(self, r, figures: list[dict], targets: list[Target], plan: Plan, higher: bool) -> str:
        """The worked example's arithmetic while the status is a pace (not final); "" where there is none."""
        return ""

    # ---- charts
    def measure_title(self, unit: str, plan: Plan) -> str:
        return f"单位：{unit}"

    def accumulate(self, so_far: float, value: float) -> float:
        return value


def _cmp(target: Target) -> str:
    return COMPARATOR_WORDS[target.comparator]


def _elapsed(r, plan: Plan) -> tuple[int | None, int | None]:
    now = int(r.latest_period) if r.latest_period else None
    return (now - plan.base_year if now else None), (r.target_year - plan.base_year if r.target_year else None)


class Level(Kind):
    code = "level"
    uses_baseline = needs_baseline = True

    def expected_at(self, year, target, plan, baseline):
        return None if baseline is None else baseline + (target.value - baseline) * share_of_time(year, target.year, plan)

    def read(self, s, target):
        v, time_share = s.values[s.now], share_of_time(s.now, target.year, s.plan)
        achieved_share = pace = None
        if s.baseline is not None:
            change = target.value - s.baseline
            if change != 0 and (change > 0) == s.higher:
                achieved_share = (v - s.baseline) / change
                pace = achieved_share / time_share
            else:  # the baseline already sits on the target's side: nothing to close, only to hold
                pace = 1.0 if met(v, target, s.higher) else 0.0
        expected = self.expected_at(s.now, target, s.plan, s.baseline)
        return Reading(v, expected, achieved_share, time_share, pace, _gap(s, target, v), met(v, target, s.higher))

    def explain(self, s):
        m, b, B = s.reading.measure, s.series.baseline, s.series.plan.base_year
        if s.final:
            return super().explain(s)
        if b is None:
            return f"缺少{B}年基期数字，无法计算进度；{s.when}为{q(m, s.unit)}，{self.sentence_target(s)}"
        return f"{s.when}为{q(m, s.unit)}，按进度应达{q(s.reading.expected_by_now, s.unit)}（{B}年基期{q(b, s.unit)}，{self.sentence_target(s)}）"

    def example_math(self, r, figures, targets, plan, higher):
        if r.achieved_share is None:
            return ""
        f, (n, N), b = number, _elapsed(r, plan), r.baseline_value
        return (f"已完成比例 =（{f(r.measure)} − {f(b)}）÷（{f(r.target_value)} − {f(b)}）= {f(r.achieved_share, 4)}；"
                f"应完成比例 = {n} ÷ {N} = {f(r.expected_share, 4)}；R = {f(r.achieved_share, 4)} ÷ {f(r.expected_share, 4)} = {f(r.pace_ratio, 4)}。")


class Cumulative(Kind):
    code = "cumulative"
    chained = zero_based = running = True

    def expected_at(self, year, target, plan, baseline):
        return target.value * share_of_time(year, target.year, plan)

    def read(self, s, target):
        total = sum(s.values.values())
        expected = self.expected_at(s.now, target, s.plan, s.baseline)
        achieved_share = total / target.value if target.value else None
        if s.higher:
            pace = total / expected if expected else None
        else:  # a cap on a total: being under the planned share is good
            pace = expected / total if total > 0 else None
        return Reading(total, expected, achieved_share, share_of_time(s.now, target.year, s.plan), pace,
                       _gap(s, target, total), met(total, target, s.higher))

    def phrase(self, target, unit, plan):
        return f"{span(plan.start_year, target.year)}累计{_cmp(target)}{threshold(target.value, unit)}"

    def explain(self, s):
        m = q(s.reading.measure, s.unit)
        if s.final:
            return f"{span(s.series.plan.start_year, s.series.now)}累计{m}，{self.sentence_target(s)}，{s.verdict}"
        return f"截至{s.when}累计{m}，按进度应达{q(s.reading.expected_by_now, s.unit)}（{self.sentence_target(s)}）"

    def figure_text(self, year, value, unit, plan):
        return f"{year}年{'新增' if year >= plan.start_year else ''}{q(value, unit)}"

    def example_math(self, r, figures, targets, plan, higher):
        f, (n, N) = number, _elapsed(r, plan)
        return (f"累计 {f(r.measure)}；按进度应达 {f(r.target_value)} × {n} ÷ {N} = {f(r.expected_by_now)}；"
                f"R = {f(r.measure)} ÷ {f(r.expected_by_now)} = {f(r.pace_ratio, 4)}。")

    def measure_title(self, unit, plan):
        return f"{plan.start_year}年起累计（{unit}）"

    def accumulate(self, so_far, value):
        return so_far + value


class Annual(Kind):
    """A threshold that must hold in every year: each year is judged on its own, and a missed year stays missed."""

    code = "annual"
    path_from_start = True

    def read(self, s, target):
        # `target` is this year's own threshold: the earliest target not before `now`.
        ys = sorted(s.values)
        hits = self.hits(s)
        share = len(hits) / len(ys)
        all_met = len(hits) == len(ys) and ys == list(range(s.plan.start_year, target.year + 1))
        v = s.values[s.now]
        return Reading(v, target.value, share, 1.0, share, _gap(s, target, v), all_met)

    def can_finish_early(self, higher):
        return False  # every year's figure has to be in

    @staticmethod
    def hits(s: Series) -> list[int]:
        return [y for y in sorted(s.values) if met(s.values[y], target_for(s.targets, y), s.higher)]

    def describe(self, targets, unit, plan):
        if len(targets) > 1 and len({(t.value, t.comparator) for t in targets}) == 1:
            t = targets[0]
            return f"{span(targets[0].year, targets[-1].year)}每年{_cmp(t)}{threshold(t.value, unit)}"
        return super().describe(targets, unit, plan)

    def sentence_target(self, s):
        targets = s.series.targets
        if len({(t.value, t.comparator) for t in targets}) == 1:
            return "目标是" + self.describe(targets, s.unit, s.series.plan)
        return "目标是" + self.phrase(target_for(targets, s.target.year), s.unit, s.series.plan)

    def explain(self, s):
        S, values, now = s.series.plan.start_year, s.series.values, s.series.now
        ys, hits = sorted(values), self.hits(s.series)
        missed = [y for y in ys if y not in hits]
        every = self.sentence_target(s)
        if s.status == "achieved":
            return f"{span(S, s.target.year)}每年都达到当年目标（{every}）"
        if s.status == "not_achieved":
            missing = [y for y in range(S, s.target.year + 1) if y not in values]
            parts = ([f"{years(missed)}未达到当年目标"] if missed else []) + ([f"{years(missing)}缺少全年数字"] if missing else [])
            return f"{span(S, s.target.year)}中，{'，'.join(parts)}（{every}）"
        lost = "，不能由以后的年份补回" if missed else ""
        if len(ys) == 1:
            return f"{s.when}为{q(values[now], s.unit)}，{'达到' if hits else '未达到'}当年目标{lost}（{every}）"
        if not missed:
            result = "都达到当年目标"
        elif not hits:
            result = "都未达到当年目标"
        else:
            result = f"中{len(hits)}年达到当年目标，{years(missed)}未达到"
        return f"{span(S, now)}有全年数字的{len(ys)}年{result}{lost}（{every}）"

    explains_final = True

    def example_math(self, r, figures, targets, plan, higher):
        checks = []
        for o in figures:
            year, value = int(o["period"]), o["value"]
            if year < plan.start_year:
                continue
            t, hit = target_for(targets, year), met(value, target_for(targets, year), higher)
            above = t.comparator == ">=" or (t.comparator == "=" and higher)
            sign = ("≥" if hit else "<") if above else ("≤" if hit else ">")
            checks.append(f"{year}年 {number(value, RATIO_DIGITS)} {sign} {number(t.value, RATIO_DIGITS)}，{'达到' if hit else '未达到'}")
        text = "逐年比较（两边取6位小数）：" + "；".join(checks) + "。每年都要达到，一年未达到即不能由以后的年份补回。"
        if r.status in ("achieved", "not_achieved"):
            return text
        return text + f"R = 达标年数 ÷ 有数字的年数 = {number(r.pace_ratio, 4)}。"


class AverageGrowth(Kind):
    code = "average_growth"
    chained = zero_based = path_from_start = True
    percent_sign = unit_override = "%"

    def read(self, s, target):
        n, n_target = s.now - s.plan.base_year, max(target.year - s.plan.base_year, 1)
        growth = math.prod(1 + v / 100 for v in s.values.values())
        average = (growth ** (1 / n) - 1) * 100
        rate = target.value / 100
        needed_now, needed_total = (1 + rate) ** n - 1, (1 + rate) ** n_target - 1
        achieved_share = expected_share = None
        if needed_total != 0 and (needed_total > 0) == s.higher:
            achieved_share, expected_share = (growth - 1) / needed_total, needed_now / needed_total
            pace = (growth - 1) / needed_now
        else:  # a ceiling on growth (or a zero target): only whether it holds
            pace = 1.0 if met(average, target, s.higher) else 0.0
        return Reading(average, target.value, achieved_share, expected_share, pace, _gap(s, target, average),
                       met(average, target, s.higher))

    def covers(self, reading):
        return reading.achieved_share is not None and round(reading.achieved_share, RATIO_DIGITS) >= 1

    def phrase(self, target, unit, plan):
        return f"{span(plan.start_year, target.year)}年均增长{_cmp(target)}{threshold(target.value, '%')}"

    def explain(self, s):
        plan, now, t = s.series.plan, s.series.now, s.target
        growth = (math.prod(1 + v / 100 for v in s.series.values.values()) - 1) * 100
        sp = span(plan.start_year, now)
        if s.status == "achieved" and not s.decided:
            needed = ((1 + t.value / 100) ** (t.year - plan.base_year) - 1) * 100
            return (f"{sp}累计增长{q(growth, '%')}，已超过目标（{self.phrase(t, '%', plan)}）所需的累计增长"
                    f"{q(needed, '%')}，提前达到目标")
        if s.final:
            return f"{sp}年均增长{q(s.reading.measure, '%')}，{self.sentence_target(s)}，{s.verdict}"
        needed = ((1 + t.value / 100) ** (now - plan.base_year) - 1) * 100
        return (f"{sp}年均增长{q(s.reading.measure, '%')}，{self.sentence_target(s)}"
                f"（累计增长{q(growth, '%')}，按进度应累计增长{q(needed, '%')}）")

    def figure_text(self, year, value, unit, plan):
        return f"{year}年{'增长' if year >= plan.start_year else ''}{q(value, unit)}"

    def example_math(self, r, figures, targets, plan, higher):
        f, (n, _) = number, _elapsed(r, plan)
        rates = [o["value"] for o in figures if int(o["period"]) >= plan.start_year]
        product = " × ".join(f"(1 + {f(g / 100, 4)})" for g in rates)
        return (f"累计增长 = {product} − 1 = {f(math.prod(1 + g / 100 for g in rates) - 1, 4)}；"
                f"按进度应累计增长 = (1 + {f(r.target_value / 100, 4)})^{n} − 1 = {f((1 + r.target_value / 100) ** n - 1, 4)}；"
                f"R = 两者之比 = {f(r.pace_ratio, 4)}。")

    def measure_title(self, unit, plan):
        return "当年增长率（%），虚线为目标年均增速"


class Reduction(Kind):
    code = "reduction"
    chained = zero_based = running = True
    percent_sign = unit_override = "%"

    def expected_at(self, year, target, plan, baseline):
        return (1 - (1 - target.value / 100) ** share_of_time(year, target.year, plan)) * 100

    def read(self, s, target):
        decrease = (1 - math.prod(1 - v / 100 for v in s.values.values())) * 100
        expected = self.expected_at(s.now, target, s.plan, s.baseline)
        achieved_share = decrease / target.value if target.value else None
        expected_share = expected / target.value if target.value else None
        if s.higher:
            pace = decrease / expected if expected else None
        else:  # a cap on how far the quantity may fall
            pace = expected / decrease if decrease > 0 else None
        return Reading(decrease, expected, achieved_share, expected_share, pace, _gap(s, target, decrease),
                       met(decrease, target, s.higher))

    def phrase(self, target, unit, plan):
        return f"到{target.year}年比{plan.base_year}年累计下降{_cmp(target)}{threshold(target.value, '%')}"

    def explain(self, s):
        head = f"截至{s.when}比{s.series.plan.base_year}年累计下降{q(s.reading.measure, '%')}"
        if s.final:
            return f"{head}，{self.sentence_target(s)}，{s.verdict}"
        return f"{head}，按进度应累计下降{q(s.reading.expected_by_now, '%')}（{self.sentence_target(s)}）"

    def figure_text(self, year, value, unit, plan):
        return f"{year}年{'下降' if year >= plan.start_year else ''}{q(value, unit)}"

    def example_math(self, r, figures, targets, plan, higher):
        f, (n, N) = number, _elapsed(r, plan)
        rates = [o["value"] for o in figures if int(o["period"]) >= plan.start_year]
        product = " × ".join(f"(1 − {f(d / 100, 4)})" for d in rates)
        return (f"累计下降 = 1 − {product} = {f(r.measure / 100, 4)}；"
                f"按进度应累计下降 = 1 − (1 − {f(r.target_value / 100, 4)})^({n}/{N}) = {f(r.expected_by_now / 100, 4)}；"
                f"R = {f(r.measure / 100, 4)} ÷ {f(r.expected_by_now / 100, 4)} = {f(r.pace_ratio, 4)}。")

    def measure_title(self, unit, plan):
        return f"比{plan.base_year}年累计下降（%）"

    def accumulate(self, so_far, value):
        return (1 - (1 - so_far / 100) * (1 - value / 100)) * 100


class Share(Kind):
    """A threshold judged on the latest year, reached by the target year (每年 thresholds are `annual`)."""

    code = "share"
    uses_baseline = path_from_start = True

    def read(self, s, target):
        v = s.values[s.now]
        if s.higher:
            pace = v / target.value if target.value else None
        else:
            pace = target.value / v if v > 0 else None
        return Reading(v, target.value, pace, 1.0, pace, _gap(s, target, v), met(v, target, s.higher))

    def example_math(self, r, figures, targets, plan, higher):
        return f"R = 最新数字 ÷ 门槛 = {number(r.measure)} ÷ {number(r.target_value)} = {number(r.pace_ratio, 4)}。"


class Milestone(Kind):
    code = "milestone"
    draws_path = False

    def expected_at(self, year, target, plan, baseline):
        return None  # done or not, no path in between

    def read(self, s, target):
        v = s.values[s.now]
        done = met(v, target, s.higher)
        time_share = share_of_time(s.now, target.year, s.plan)
        achieved_share = 1.0 if done else 0.0
        return Reading(v, None, achieved_share, time_share, achieved_share / time_share, _gap(s, target, v), done)

    def phrase(self, target, unit, plan):
        return f"{target.year}年前实现"

    def explain(self, s):
        if s.status == "achieved":
            return f"{s.when}已实现（目标{s.target.year}年实现）"
        if s.status == "not_achieved":
            return f"{s.when}尚未实现，目标{s.target.year}年实现，未达到"
        return f"截至{s.when}尚未实现，目标{s.target.year}年实现"

    def figure_text(self, year, value, unit, plan):
        return f"{year}年{'已实现' if value >= 1 else '未实现'}"

    def example_math(self, r, figures, targets, plan, higher):
        n, N = _elapsed(r, plan)
        return f"已完成比例 0，应完成比例 {n} ÷ {N}；R = 0。"

    def measure_title(self, unit, plan):
        return "是否实现"


KINDS: dict[str, Kind] = {k.code: k for k in (Level(), Cumulative(), Annual(), AverageGrowth(), Reduction(), Share(), Milestone())}


def kind_of(code: str) -> Kind:
    try:
        return KINDS[code]
    except KeyError:
        raise ValueError(f"unknown target kind: {code!r}") from None


def describe_targets(indicator: dict, targets, plan) -> str:
    """An indicator's targets in words (plain text, not escaped), e.g. 2021—2023年每年不低于三分之一（约33.33%）.

    `targets`: Target objects or targets.csv rows, in year order; `plan`: a Plan or the descriptor's plan dict.
    """
    plan = plan if isinstance(plan, Plan) else Plan.from_dict(plan)
    return kind_of(indicator["target_kind"]).describe([Target.of(t) for t in targets], unit_of(indicator), plan)
