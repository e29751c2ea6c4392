"""Done or not done by the target year."""

from __future__ import annotations

from scripts.progress.kinds.base import Kind, Reading, elapsed, gap
from scripts.progress.targets import met, share_of_time


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
        return Reading(v, None, achieved_share, time_share, achieved_share / time_share, gap(s, target, v), done)

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
        n, N = elapsed(r, plan)
        return f"已完成比例 0，应完成比例 {n} ÷ {N}；R = 0。"

    def measure_title(self, unit, plan):
        return "是否实现"
