"""What a reader is told about an indicator: the one function that decides the badge, the board's status, the
charts' status words and progress.csv's reader columns.

While the plan runs, a reader sees the method's status, or for no_data what has been published at all. Once the
plan's period is over, a reader sees a final report card: 已达成, 未达成 or 无法判断 with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from scripts.core.package import CITY_AREA
from scripts.core.words import (
    ALSO_PUBLISHED,
    CANNOT_JUDGE,
    FINAL_STATUS_LABELS,
    INTERIM_FIGURE,
    INTERIM_ONLY,
    NOTHING_PUBLISHED,
    NOT_ENOUGH,
    NO_FIGURE,
    READER_STATUS_LABELS,
    STATUS_LABELS,
    UNDECIDED,
    interim_only_label,
    unpublished_words,
)
from scripts.progress.text import unit_of, years


@dataclass(frozen=True)
class ReaderStatus:
    """`group`: a key of the plan state's labels (reader_labels) and the badge's CSS modifier; `label`: the badge
    text; `reason`: one sentence saying why (the method's note, or for an ended plan what is missing)."""

    group: str
    label: str
    reason: str


def reader_labels(ended: bool) -> dict[str, str]:
    """Every reader status of a running or an ended plan, in the order tables, counts and strips list them."""
    return FINAL_STATUS_LABELS if ended else READER_STATUS_LABELS


def reader_status(result, plan, ended: bool) -> ReaderStatus:
    """`result`: the indicator's IndicatorResult (kept figures by area, the method's status and note)."""
    code, note = result.status, result.note
    if code in ("achieved", "not_achieved"):
        return ReaderStatus(code, STATUS_LABELS[code], note)
    figures = [f for figs in result.figures.values() for f in figs]
    if ended:
        return ReaderStatus(CANNOT_JUDGE, FINAL_STATUS_LABELS[CANNOT_JUDGE], _why_not_judged(result, plan, figures))
    if code != "no_data":
        return ReaderStatus(code, STATUS_LABELS[code], note)
    if not figures:
        return ReaderStatus(NO_FIGURE, READER_STATUS_LABELS[NO_FIGURE], note)
    if all(f.area_id == CITY_AREA and f.interim for f in figures):
        return ReaderStatus(INTERIM_ONLY, interim_only_label(len(figures)), note)
    return ReaderStatus(UNDECIDED, READER_STATUS_LABELS[UNDECIDED], note)


def _why_not_judged(result, plan, figures) -> str:
    """Why an ended plan's target cannot be judged: which full-year city figures were not seen published
    (result.unpublished_years, the one list), and what the figures in hand showed -- a report card's words, no pace."""
    if not result.targets:
        return result.note
    missing = result.unpublished_years
    parts = [unpublished_words(years(missing))] if missing else []
    if not figures:
        # the year comes first even here: the report card promises that every target it cannot judge names it
        return "；".join([*parts, NOTHING_PUBLISHED]) + "。"
    city = result.figures.get(CITY_AREA, [])
    city_full = {f.period.year: f for f in city if f.period.full_year}
    if result.measure_text:
        parts.append(f"已有的全年数字：{result.measure_text}，{NOT_ENOUGH}")
        # Figures within the target years that a broken run left out are named too: what is in hand, all of it.
        final, counted = result.targets[-1].year, result.counted_years
        left_out = [city_full[y] for y in result.uncounted_years if counted[-1] < y <= final]
        if left_out:
            shown = "、".join(result.kind.figure_text(f.period.year, f.value, unit_of(result.indicator), plan) for f in left_out)
            parts.append(f"{ALSO_PUBLISHED}{shown}，因缺少{counted[-1] + 1}年全年数字未计入")
    else:
        have = [city_full[y] for y in sorted(city_full) if y >= plan.start_year]
        if have:
            shown = "、".join(result.kind.figure_text(f.period.year, f.value, unit_of(result.indicator), plan) for f in have)
            parts.append(f"已有的全年数字（{shown}）{NOT_ENOUGH}")
        if any(f.interim for f in city):
            parts.append(f"{INTERIM_FIGURE}只作展示，不决定状态")
        if not city:
            parts.append("只有分区域数字，分区域数字不决定状态")
    return "；".join(parts) + "。"
