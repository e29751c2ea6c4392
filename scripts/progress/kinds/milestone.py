"""Done or not done by the target year."""

from __future__ import annotations

from scripts.core.words import MILESTONE_DONE, MILESTONE_NOT_DONE, MILESTONE_NOT_YET
from scripts.progress.kinds.base import Kind, Reading, elapsed, gap
from scripts.progress.targets import met, share_of_time


class Milestone(Kind):
    code = "milestone"
    figure = "done"
    draws_path = False

    def default_comparator(self, direction):
        return "="

    def can_finish_early(self, higher):
        return True  # 某年前实现: once done, the target is met

    def years_for(self, target, targets, plan, available):
        # 某年前实现: the first year up to the target year in which it was done; until one is, the target year's own
        # figure is needed (a "not yet" in an earlier year does not say whether it was done by the target year).
        done = [y for y in sorted(available) if plan.start_year <= y <= target.year and met(available[y], target, True)]
        return done[:1] or [target.year]

    def judge_target(self, series, target):
        done = max(series.values.values())
        return done, self.meets(done, target, series.higher)

    def verdict_measure_words(self, series):
        return f"截至{max(series.values, default=series.now)}年"  # the year whose figure was read

    def expected_at(self, year, target, plan, baseline):
        return None  # done or not, no path in between

    def read(self, s, target):
        # 某年前实现: done in any year so far is done, whatever a later year's figure says (as the dated verdict reads).
        done = any(self.meets(value, target, s.higher) for value in s.values.values())
        v = target.value if done else s.values[s.now]
        time_share = share_of_time(s.now, target.year, s.plan)
        achieved_share = 1.0 if done else 0.0
        return Reading(v, None, achieved_share, time_share, achieved_share / time_share, gap(s, target, v), done)

    def phrase(self, target, unit, plan):
        return f"{target.year}年前实现"

    def explain(self, s):
        if s.status == "achieved":
            first = min(y for y, v in s.series.values.items() if self.meets(v, s.target, s.series.higher))
            when = s.when if first == s.series.now else f"{first}年"
            return f"{when}{MILESTONE_DONE}（目标{s.target.year}年实现）"
        if s.status == "not_achieved":
            return f"{s.when}{MILESTONE_NOT_YET}，目标{s.target.year}年实现，未达到"
        return f"截至{s.when}{MILESTONE_NOT_YET}，目标{s.target.year}年实现"

    def figure_text(self, year, value, unit, plan):
        return f"{year}年{_done(value)}"

    def example_math(self, r, figures, targets, plan, higher):
        n, N = elapsed(r, plan)
        return f"已完成比例 0，应完成比例 {n} ÷ {N}；R = 0。"

    def measure_title(self, unit, plan):
        return "是否实现"

    def value_text(self, value, unit):
        return _done(value)

    def target_text(self, target, unit):
        return f"{target.year}年实现"

    def figure_label(self, period, value, joined):
        return ""  # done or not: the axis says it

    def y_axis(self):
        return {"scale": {"domain": [-0.2, 1.25]},
                "axis": {"values": [0, 1], "labelExpr": f"datum.value == 1 ? '{MILESTONE_DONE}' : '{MILESTONE_NOT_DONE}'"}}

    def achievement_text(self, r, pace=True):
        return MILESTONE_DONE if r.achieved_share >= 1 else MILESTONE_NOT_YET


def _done(value: float) -> str:
    return MILESTONE_DONE if value >= 1 else MILESTONE_NOT_DONE
