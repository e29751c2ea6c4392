"""A level to reach by the target year, paced from the base-year figure."""

from __future__ import annotations

from scripts.core.words import number
from scripts.progress.kinds.base import Kind, Reading, elapsed, gap
from scripts.progress.targets import share_of_time
from scripts.progress.text import q


class Level(Kind):
    code = "level"
    uses_baseline = needs_baseline = True

    def default_comparator(self, direction):
        return "<=" if direction == "decrease" else ">="

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
                pace = 1.0 if self.meets(v, target, s.higher) else 0.0
        expected = self.expected_at(s.now, target, s.plan, s.baseline)
        return Reading(v, expected, achieved_share, time_share, pace, gap(s, target, v), self.meets(v, target, s.higher))

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
        f, (n, N), b = number, elapsed(r, plan), r.baseline_value
        return (f"已完成比例 =（{f(r.measure)} − {f(b)}）÷（{f(r.target_value)} − {f(b)}）= {f(r.achieved_share, 4)}；"
                f"应完成比例 = {n} ÷ {N} = {f(r.expected_share, 4)}；R = {f(r.achieved_share, 4)} ÷ {f(r.expected_share, 4)} = {f(r.pace_ratio, 4)}。")
