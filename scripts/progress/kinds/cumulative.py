"""A total over the years from the start year, paced in proportion to time."""

from __future__ import annotations

from scripts.core.words import INTERIM_FIGURE, number
from scripts.progress.kinds.base import Kind, Reading, cmp, elapsed, gap
from scripts.progress.targets import share_of_time
from scripts.progress.text import q, span, threshold


class Cumulative(Kind):
    code = "cumulative"
    figure = "flow"
    interim_words = f"{INTERIM_FIGURE}（年内累计）"
    chained = zero_based = running = True

    def expected_at(self, year, target, plan, baseline):
        return target.value * share_of_time(year, target.year, plan)

    def read(self, s, target):
        total = self.run_measure(list(s.values.values()))
        expected = self.expected_at(s.now, target, s.plan, s.baseline)
        achieved_share = total / target.value if target.value else None
        if s.higher:
            pace = total / expected if expected else None
        else:  # a cap on a total: being under the planned share is good
            pace = expected / total if total > 0 else None
        return Reading(total, expected, achieved_share, share_of_time(s.now, target.year, s.plan), pace,
                       gap(s, target, total), self.meets(total, target, s.higher))

    def can_finish_early(self, higher):
        # A total of yearly additions (counts, areas, amounts that cannot be negative) only grows: once over the
        # target it stays over. A cap on a total can still be broken by the years to come.
        return higher

    def phrase(self, target, unit, plan):
        return f"{span(plan.start_year, target.year)}累计{cmp(target)}{threshold(target.value, unit)}"

    def explain(self, s):
        m = q(s.reading.measure, s.unit)
        if s.final:
            return f"{span(s.series.plan.start_year, s.series.now)}累计{m}，{self.sentence_target(s)}，{s.verdict}"
        return f"截至{s.when}累计{m}，按进度应达{q(s.reading.expected_by_now, s.unit)}（{self.sentence_target(s)}）"

    def figure_text(self, year, value, unit, plan):
        return f"{year}年{'新增' if year >= plan.start_year else ''}{q(value, unit)}"

    def example_math(self, r, figures, targets, plan, higher):
        f, (n, N) = number, elapsed(r, plan)
        return (f"累计 {f(r.measure)}；按进度应达 {f(r.target_value)} × {n} ÷ {N} = {f(r.expected_by_now)}；"
                f"R = {f(r.measure)} ÷ {f(r.expected_by_now)} = {f(r.pace_ratio, 4)}。")

    def measure_title(self, unit, plan):
        return f"{plan.start_year}年起累计（{unit}）"

    def verdict_measure_words(self, series):
        return f"{span(series.plan.start_year, series.now)}累计"

    def measure_words(self, plan):
        return f"{plan.start_year}年起累计"

    def run_measure(self, values):
        return sum(values)
