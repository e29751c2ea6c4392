"""The rows of the indicators, targets and observations tables, one designed slot at a time."""

from __future__ import annotations

import datetime
import random

from scripts.progress.kinds import kind_of
from scripts.tools.synthetic.csvfiles import cell
from scripts.validate.messages import UNDATED
from scripts.tools.synthetic.designs import Slot, Years, plan_indicators
from scripts.tools.synthetic.names import (
    ANNUAL,
    AVERAGE_GROWTH,
    CITY,
    COUNT_UNITS,
    CUMULATIVE,
    LEVEL_DOWN,
    LEVEL_UP,
    MILESTONE,
    ORIGINAL,
    REDUCTION,
    RESPONSIBLE_BODIES_PER_TASK,
    SHARE,
    SOURCE,
    URL,
)
from scripts.tools.synthetic.series import Series, build_series, split_by_area


def make_indicators(rng: random.Random, years: Years, areas: list[dict], scale: int):
    indicators, targets, observations = [], [], []
    county_areas = [a["id"] for a in areas[1:]]
    for order, slot in enumerate(plan_indicators(scale), start=1):
        stem, unit, low, high = _stem(rng, slot)
        series = build_series(rng, years, slot, low, high)
        if unit in COUNT_UNITS:
            series = Series([(y, round(v)) for y, v in series.targets], [(p, round(v), s) for p, v, s in series.values])
        name = _indicator_name(slot.kind, stem)
        indicators.append({
            "id": slot.id, "name": f"示例指标{order}：{name}", "unit": unit, "headline": slot.headline,
            "task_id": slot.task_id, "direction": slot.direction, "target_kind": slot.kind,
            "clause": "示例条文（虚构）：" + _clause(slot, stem, unit, series.targets, years),
            "note": "示例数据（虚构）。" + ("另有分区域数字。" if slot.by_area else ""),
            "order": order,
        })
        comparator = kind_of(slot.kind).default_comparator(slot.direction)
        for year, value in series.targets:
            targets.append({
                "indicator_id": slot.id, "year": year, "value": value, "comparator": comparator,
                "note": "示例说明（虚构）：原文为“力争”。" if order % 4 == 0 else None,
            })
        observations += _observation_rows(rng, slot, CITY, series.values, years)
        if slot.by_area:
            start = (slot.block * RESPONSIBLE_BODIES_PER_TASK) % len(county_areas)
            window = [county_areas[(start + i) % len(county_areas)] for i in range(RESPONSIBLE_BODIES_PER_TASK)]
            for area_id, values in zip(window, split_by_area(rng, slot.kind, series.values, len(window))):
                if unit in COUNT_UNITS:
                    values = [(p, round(v), s) for p, v, s in values]
                observations += _observation_rows(rng, slot, area_id, values, years)
    return indicators, targets, observations


def _observation_rows(rng, slot: Slot, area_id: str, values, years: Years) -> list[dict]:
    rows = []
    for period, value, status in values:
        year = int(period[:4])
        if period == str(year):
            published = datetime.date(year + 1, 1, 10) if status == "provisional" else datetime.date(year + 1, 2, 1)
            note = "示例说明（虚构）：初步数，可能修订。" if status == "provisional" else None
        else:
            month = 3 if "-Q1" in period else 6 if "-H1" in period else int(period[-2:])
            published = datetime.date(year + (month == 12), month % 12 + 1, 15)
            note = "示例说明（虚构）：年内累计数，不作为判断进度的依据。"
        published += datetime.timedelta(days=rng.randint(0, 40))
        if rng.random() < 0.1:
            published = None  # the schema asks for an empty cell when the source gives no date, and the note says so
            note = f"{note or '示例说明（虚构）：'}{UNDATED}。"
        reprint = rng.random() < 0.2
        rows.append({
            "indicator_id": slot.id, "area_id": area_id, "period": period, "value": value, "status": status,
            "source": SOURCE, "source_url": f"{URL}/observations/{slot.id}/{area_id}/{period}",
            "source_type": "reprint" if reprint else "original", "original_publisher": ORIGINAL if reprint else None,
            "published": published, "note": note,
        })
    return rows

def _stem(rng, slot: Slot) -> tuple[str, str, float, float]:
    pool = {
        "level": LEVEL_DOWN if slot.direction == "decrease" else LEVEL_UP, "cumulative": CUMULATIVE, "annual": ANNUAL,
        "average_growth": AVERAGE_GROWTH, "reduction": REDUCTION, "share": SHARE, "milestone": MILESTONE,
    }[slot.kind]
    return rng.choice(pool)


def _indicator_name(kind: str, stem: str) -> str:
    return {
        "cumulative": f"累计{stem}", "annual": f"每年{stem}", "average_growth": f"{stem}年均增速",
        "reduction": f"{stem}累计下降率",
    }.get(kind, stem)


def _clause(slot: Slot, stem: str, unit: str, targets, years: Years) -> str:
    value, first = cell(float(targets[-1][1]), {}), cell(float(targets[0][1]), {})
    down = slot.direction == "decrease"
    clauses = {
        "level": f"到{years.end}年，{stem}{'降至' if down else '达到'}{value}{unit}{'以下' if down else ''}。",
        "cumulative": f"通过{years.horizon}年攻坚，累计{stem}{value}{unit}以上。",
        "annual": f"每年{stem}不少于目标数，{years.start}年{first}{unit}、{years.end}年{value}{unit}以上。",
        "average_growth": f"{stem}年均增长{value}%以上。",
        "reduction": f"{stem}比{years.base}年下降{value}%以上。",
        "share": f"{stem}突破{value}%。",
    }
    return clauses.get(slot.kind, f"{years.end}年底前{stem}。")
