"""An average yearly growth rate over the period, compounded from each year's rate."""

from __future__ import annotations

import math

from scripts.core.words import INTERIM_FIGURE, number
from scripts.progress.kinds.base import Kind, Reading, cmp, elapsed, gap
from scripts.progress.text import q, span, threshold


class AverageGrowth(Kind):
    code = "average_growth"
    figure = "rate"
    interim_words = f"{INTERIM_FIGURE}（同比，非年均）"
    chained = zero_based = path_from_start = True
    percent_sign = unit_override = "%"
    compare_digits = 1  # an average compounded from yearly rates, compared as bulletins write it

    # Never reached early: a later year's fall can bring the average back under the target.

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
            pace = 1.0 if self.meets(average, target, s.higher) else 0.0
        return Reading(average, target.value, achieved_share, expected_share, pace, gap(s, target, average),
                       self.meets(average, target, s.higher))

    def phrase(self, target, unit, plan):
        return f"{span(plan.start_year, target.year)}年均增长{cmp(target)}{threshold(target.value, '%')}"

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
        f, (n, _) = number, elapsed(r, plan)
        rates = [o["value"] for o in figures if int(o["period"]) >= plan.start_year]
        product = " × ".join(f"(1 + {f(g / 100, 4)})" for g in rates)
        return (f"累计增长 = {product} − 1 = {f(math.prod(1 + g / 100 for g in rates) - 1, 4)}；"
                f"按进度应累计增长 = (1 + {f(r.target_value / 100, 4)})^{n} − 1 = {f((1 + r.target_value / 100) ** n - 1, 4)}；"
                f"R = 两者之比 = {f(r.pace_ratio, 4)}。")

    def measure_title(self, unit, plan):
        return "当年增长率（%），虚线为目标年均增速"

    def verdict_measure_words(self, series):
        return f"{span(series.plan.start_year, series.now)}年均增长"

    def measure_words(self, plan):
        return "当年增长率"

