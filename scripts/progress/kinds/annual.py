"""A threshold that must hold in every year: each year judged on its own, a missed year stays missed."""

from __future__ import annotations

from scripts.core.words import CANNOT_JUDGE, FINAL_STATUS_LABELS, number
from scripts.progress.kinds.base import Kind, Reading, Series, _percent, cmp, gap
from scripts.progress.targets import RATIO_DIGITS, met, target_for
from scripts.progress.text import q, span, threshold, years


class Annual(Kind):
    """A threshold that must hold in every year that has a target of its own: each year is judged on its own, a
    missed year stays missed, and a year without a figure leaves the whole undecided (missing is not missed)."""

    code = "annual"
    figure = "flow"
    path_from_start = True
    explains_final = True

    def first_counted_year(self, targets, plan):
        return targets[0].year  # a standing rule may be judged from a later year than the plan's start

    def path_first_year(self, targets, plan):
        return targets[0].year

    def counted_years(self, full_years, targets, plan):
        own = {t.year for t in targets}
        return [y for y in full_years if y in own]

    def read(self, s, target):
        # `target` is this year's own threshold: the earliest target not before `now`.
        ys = sorted(s.values)
        hits = self.hits(s)
        share = len(hits) / len(ys)
        due = [t.year for t in s.targets if t.year <= target.year]
        all_met = len(hits) == len(ys) and ys == due
        v = s.values[s.now]
        return Reading(v, target.value, share, 1.0, share, gap(s, target, v), all_met)

    def lost(self, s):
        # Every year must hold: one missed year settles the target, however good the later years are.
        return len(self.hits(s)) < len(s.values)

    def missing_years(self, s):
        return [t.year for t in s.targets if t.year <= s.now and t.year not in s.values]

    def final_status(self, s, reading):
        if self.lost(s):
            return "not_achieved"
        return "no_data" if self.missing_years(s) else "achieved"  # a year without a figure is not a missed year

    def years_for(self, target, targets, plan, available):
        return [target.year]

    def needed_years(self, targets, plan, available):
        return [t.year for t in targets]

    def judge_target(self, s, target):
        value = s.values[target.year]
        return value, met(value, target, s.higher)

    def achievement_text(self, r, pace=True):
        return f"有全年数字的年份中{_percent(r.achieved_share)}达到当年目标"

    @staticmethod
    def hits(s: Series) -> list[int]:
        return [y for y in sorted(s.values) if met(s.values[y], target_for(s.targets, y), s.higher)]

    def describe(self, targets, unit, plan):
        if len(targets) > 1 and len({(t.value, t.comparator) for t in targets}) == 1:
            t = targets[0]
            return f"{span(targets[0].year, targets[-1].year)}每年{cmp(t)}{threshold(t.value, unit)}"
        return super().describe(targets, unit, plan)

    def sentence_target(self, s):
        targets = s.series.targets
        if len({(t.value, t.comparator) for t in targets}) == 1:
            return "目标是" + self.describe(targets, s.unit, s.series.plan)
        return "目标是" + self.phrase(target_for(targets, s.target.year), s.unit, s.series.plan)

    def explain(self, s):
        values, now = s.series.values, s.series.now
        first = s.series.targets[0].year
        ys, hits = sorted(values), self.hits(s.series)
        missed = [y for y in ys if y not in hits]
        missing = self.missing_years(s.series)
        every = self.sentence_target(s)
        if s.status == "achieved":
            return f"{span(first, s.target.year)}每年都达到当年目标（{every}）"
        if s.status == "not_achieved":
            within = f"{span(first, now)}中，" if first != now else ""
            return f"{within}{years(missed)}未达到当年目标（{every}）"
        if s.status == "no_data":  # decided years all met, some without a figure
            return (f"有全年数字的{years(ys)}都达到当年目标，{years(missing)}缺少全年数字，"
                    f"{FINAL_STATUS_LABELS[CANNOT_JUDGE]}是否每年都达到（{every}）")
        lost = "，不能由以后的年份补回" if missed else ""
        if len(ys) == 1:
            return f"{s.when}为{q(values[now], s.unit)}，{'达到' if hits else '未达到'}当年目标{lost}（{every}）"
        if not missed:
            result = "都达到当年目标"
        elif not hits:
            result = "都未达到当年目标"
        else:
            result = f"中{len(hits)}年达到当年目标，{years(missed)}未达到"
        return f"{span(first, now)}有全年数字的{len(ys)}年{result}{lost}（{every}）"

    def example_math(self, r, figures, targets, plan, higher):
        checks = []
        for o in figures:
            year, value = int(o["period"]), o["value"]
            if year < targets[0].year:
                continue
            t, hit = target_for(targets, year), met(value, target_for(targets, year), higher)
            side = t.comparator if t.comparator != "=" else (">=" if higher else "<=")
            sign = {">": (">", "≤"), ">=": ("≥", "<"), "<=": ("≤", ">")}[side][0 if hit else 1]
            checks.append(f"{year}年 {number(value, RATIO_DIGITS)} {sign} {number(t.value, RATIO_DIGITS)}，{'达到' if hit else '未达到'}")
        text = "逐年比较（两边取6位小数）：" + "；".join(checks) + "。每年都要达到，一年未达到即不能由以后的年份补回。"
        if r.status in ("achieved", "not_achieved"):
            return text
        return text + f"R = 达标年数 ÷ 有数字的年数 = {number(r.pace_ratio, 4)}。"
