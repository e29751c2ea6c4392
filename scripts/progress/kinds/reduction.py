"""A decrease from the base year, compounded from each year's decrease."""

from __future__ import annotations

import math

from scripts.core.words import INTERIM_FIGURE, REDUCTION_DIRECTION_LABELS, number
from scripts.progress.kinds.base import Kind, Reading, cmp, elapsed, gap
from scripts.progress.targets import share_of_time
from scripts.progress.text import q, threshold


class Reduction(Kind):
    code = "reduction"
    figure = "rate"
    interim_words = f"{INTERIM_FIGURE}（年内下降）"
    chained = zero_based = running = True
    percent_sign = unit_override = "%"
    compare_digits = 1  # a fall derived from yearly falls, compared as bulletins write it: 24.996% is 25.0%

    def higher_is_better(self, direction):
        # The measure is the fall itself: for a quantity that should go down, a larger fall is better.
        return direction == "decrease"

    def direction_words(self, direction):
        return REDUCTION_DIRECTION_LABELS[direction]

    def expected_at(self, year, target, plan, baseline):
        return (1 - (1 - target.value / 100) ** share_of_time(year, target.year, plan)) * 100

    def read(self, s, target):
        decrease = self.run_measure(list(s.values.values()))
        expected = self.expected_at(s.now, target, s.plan, s.baseline)
        achieved_share = decrease / target.value if target.value else None
        expected_share = expected / target.value if target.value else None
        if s.higher:
            pace = decrease / expected if expected else None
        else:  # a cap on how far the quantity may fall
            pace = expected / decrease if decrease > 0 else None
        return Reading(decrease, expected, achieved_share, expected_share, pace, gap(s, target, decrease),
                       self.meets(decrease, target, s.higher))

    def phrase(self, target, unit, plan):
        return f"到{target.year}年比{plan.base_year}年累计下降{cmp(target)}{threshold(target.value, '%')}"

    def explain(self, s):
        head = f"截至{s.when}比{s.series.plan.base_year}年累计下降{q(s.reading.measure, '%')}"
        if s.final:
            return f"{head}，{self.sentence_target(s)}，{s.verdict}"
        return f"{head}，按进度应累计下降{q(s.reading.expected_by_now, '%')}（{self.sentence_target(s)}）"

    def figure_text(self, year, value, unit, plan):
        return f"{year}年{'下降' if year >= plan.start_year else ''}{q(value, unit)}"

    explains_final = True

    def example_math(self, r, figures, targets, plan, higher):
        f, (n, N) = number, elapsed(r, plan)
        rates = [o["value"] for o in figures if int(o["period"]) >= plan.start_year]
        product = " × ".join(f"(1 − {f(d / 100, 4)})" for d in rates)
        if r.status in ("achieved", "not_achieved"):
            return (f"累计下降 = 1 − {product} = {f(r.measure, 3)}%，按统计公报的写法保留一位小数为"
                    f"{self.at_precision(r.measure)}%，与目标{f(r.target_value)}%比较。")
        return (f"累计下降 = 1 − {product} = {f(r.measure / 100, 4)}；"
                f"按进度应累计下降 = 1 − (1 − {f(r.target_value / 100, 4)})^({n}/{N}) = {f(r.expected_by_now / 100, 4)}；"
                f"R = {f(r.measure / 100, 4)} ÷ {f(r.expected_by_now / 100, 4)} = {f(r.pace_ratio, 4)}。")

    def measure_title(self, unit, plan):
        return f"比{plan.base_year}年累计下降（%）"

    def verdict_measure_words(self, series):
        return f"到{series.now}年比{series.plan.base_year}年累计下降"

    def measure_words(self, plan):
        return f"比{plan.base_year}年累计下降"

    def run_measure(self, values):
        return (1 - math.prod(1 - v / 100 for v in values)) * 100
