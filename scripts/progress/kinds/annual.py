"""A threshold that must hold in every year: each year judged on its own, a missed year stays missed."""

from __future__ import annotations

from scripts.core.words import number
from scripts.progress.kinds.base import Kind, Reading, Series, cmp, gap
from scripts.progress.targets import RATIO_DIGITS, met, target_for
from scripts.progress.text import q, span, threshold, years


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
        return Reading(v, target.value, share, 1.0, share, gap(s, target, v), all_met)

    def lost(self, s):
        # Every year must hold: one missed year settles the target, however good the later years are.
        return len(self.hits(s)) < len(s.values)

    def can_finish_early(self, higher):
        return False  # every year's figure has to be in

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
