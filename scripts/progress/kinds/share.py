"""A threshold reached by the target year, judged on the latest year."""

from __future__ import annotations

from scripts.core.words import number
from scripts.progress.kinds.base import Kind, Reading, _percent, gap


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
        return Reading(v, target.value, pace, 1.0, pace, gap(s, target, v), self.meets(v, target, s.higher))

    def achievement_text(self, r, pace=True):
        return f"最新数字为门槛的{_percent(r.achieved_share)}"

    def example_math(self, r, figures, targets, plan, higher):
        return f"R = 最新数字 ÷ 门槛 = {number(r.measure)} ÷ {number(r.target_value)} = {number(r.pace_ratio, 4)}。"
