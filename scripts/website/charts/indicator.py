"""One chart per indicator: its figures against the pace line and targets, interim figures marked apart."""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass

import altair as alt

from scripts.core.package import CITY_AREA
from scripts.core.periods import Period
from scripts.progress.figures import Figure
from scripts.progress.kinds import Kind
from scripts.progress.results import IndicatorResult
from scripts.progress.targets import Plan, Target
from scripts.progress.text import unit_of
from scripts.website.charts.look import (
    APART,
    AREA_COLORS,
    CITY_COLOR,
    CITY_SERIES,
    FULL,
    INDICATOR_HEIGHT,
    INTERIM,
    LANE_HEIGHT,
    PATH_COLOR,
    PATH_SERIES,
    SHAPES,
    TARGET,
    TARGET_COLOR,
    TARGET_SERIES,
    TEXT,
    _finish,
    _layer_dict,
)


def indicator_chart(result: IndicatorResult, areas: dict[str, dict], plan: Plan) -> dict | None:
    """Figures over time for the city and each area, the planned path and the targets; None without any figure.

    An indicator with no published figure gets no chart: its page already says so and lists the target.
    `areas`: the package's areas by id, in their order (for names and the order of the lines).
    """
    by_area = result.figures
    if not any(by_area.values()):
        return None
    indicator, kind = result.indicator, result.kind
    rows = _indicator_rows(kind, by_area, result.targets, result.path, plan, areas)
    status = result.reader.label
    subtitle = [f"{kind.measure_title(indicator['unit'], plan)}；状态：{status}"]
    if any(r["place"] == APART for r in rows):
        subtitle += ["竖点线：阶段性数字（季度、半年、月度），只写出数字，", "不与进度线比较，不决定状态"]
    elif any(r["type"] == INTERIM for r in rows):
        subtitle.append("空心点为阶段性数字（季度、半年、月度累计），不决定状态")
    return _finish(
        _indicator_layers(kind, rows, result.targets, plan), rows, height=INDICATOR_HEIGHT, title=indicator["name"],
        subtitle=subtitle, description=_indicator_alt(indicator, kind, status, rows, result.targets, plan),
        csv_columns=[["series", "系列"], ["type", "类型"], ["period", "时期"], ["value", "图中数值"], ["published", "公开数字"]],
    )


def _indicator_rows(kind: Kind, by_area: dict[str, list[Figure]], targets: list[Target], path: list[tuple[int, float]],
                    plan: Plan, areas: dict[str, dict]) -> list[dict]:
    """The chart's data: figures by area (city first), the planned path year by year, and the targets."""
    area_ids = [a for a in areas if by_area.get(a)] + [a for a in by_area if a not in areas and by_area[a]]
    label_areas = len(area_ids) <= 5  # with more lines, names beside them collide: the legend names them
    rows = []
    for area_id in area_ids:
        series = CITY_SERIES if area_id == CITY_AREA else areas.get(area_id, {}).get("name", area_id)
        plotted = _plotted(kind, by_area[area_id], plan)
        last_joined = max((i for i, (f, _, joined) in enumerate(plotted) if joined and f.period.full_year), default=None)
        for i, (figure, value, joined) in enumerate(plotted):
            interim = not figure.period.full_year
            if area_id == CITY_AREA:
                label, place = kind.figure_label(figure.period, value, joined), "below" if interim else "above"
            else:
                label, place = (series, "right") if i == last_joined and label_areas else ("", "")
            if interim and kind.interim_apart:
                city_label = kind.figure_label(figure.period, value, joined)
                label, place = (city_label if area_id == CITY_AREA else f"{series}：{city_label}"), APART
            rows.append(ChartRow(series, INTERIM if interim else FULL, figure.period.label, _x(figure.period), value,
                                 figure.value, label, place, line=joined and not interim).as_dict())
    for year, value in path:
        rows.append(ChartRow(PATH_SERIES, PATH_SERIES, f"{year}年", year, value, line=True).as_dict())
    for i, t in enumerate(targets):
        labelled = i == len(targets) - 1 or t.value != targets[i + 1].value  # one label for a run of equal targets
        rows.append(ChartRow(TARGET_SERIES, TARGET, f"{t.year}年", t.year, t.value, t.value,
                             kind.target_label(t.value) if labelled else "", "right").as_dict())
    _stack_apart_labels(rows)
    return rows


def _stack_apart_labels(rows: list[dict]) -> None:
    """Interim figures marked apart get a label each, one above the other above the plot (where no line or point
    of the chart is), the earliest highest; a label on the right half of the years runs leftwards from its line,
    so that it stays inside the chart."""
    apart = sorted((r for r in rows if r["place"] == APART), key=lambda r: r["x"])
    xs = [r["x"] for r in rows]
    middle = (min(xs) + max(xs)) / 2 if xs else 0
    for lane, r in enumerate(apart):
        r["lane_y"], r["side"] = -LANE_HEIGHT * (len(apart) - lane) + TEXT // 2, "right" if r["x"] <= middle else "left"


def _indicator_layers(kind: Kind, rows: list[dict], targets: list[Target], plan: Plan) -> list[dict]:
    """Dashed planned path, a line per area, points (hollow rings for interim figures, diamonds for targets), labels."""
    series_names = list(dict.fromkeys(r["series"] for r in rows if r["type"] in (FULL, INTERIM)))
    area_series = [s for s in series_names if s != CITY_SERIES]
    domain = [CITY_SERIES] * (CITY_SERIES in series_names) + area_series + [PATH_SERIES, TARGET_SERIES]
    colors = ([CITY_COLOR] * (CITY_SERIES in series_names) + [AREA_COLORS[i % len(AREA_COLORS)] for i in range(len(area_series))]
              + [PATH_COLOR, TARGET_COLOR])
    in_legend = [s for s in domain if s != TARGET_SERIES and any(r["series"] == s for r in rows)]  # targets: the shape legend
    years = [round(r["x"]) for r in rows] + [plan.base_year] + [t.year for t in targets]  # a part of a year: round to it
    x_values = list(range(min(years), max(years) + 1))
    # Charts of the same kind with the same series and years have the same layers (24 different ones among the
    # 560 charts at 10x): Altair writes each once. A copy, so that no two specs share a dict.
    apart = any(r["place"] == APART for r in rows)
    return copy.deepcopy(_indicator_layer_dicts(kind, tuple(domain), tuple(colors), tuple(in_legend), tuple(x_values), apart))


@functools.lru_cache(maxsize=256)
def _indicator_layer_dicts(kind: Kind, domain: tuple, colors: tuple, in_legend: tuple, x_values: tuple, apart: bool) -> list[dict]:
    color = alt.Color("series:N", scale=alt.Scale(domain=list(domain), range=list(colors)),
                      legend=alt.Legend(title=None, values=list(in_legend), symbolType="stroke", symbolStrokeWidth=3))
    x_values = list(x_values)
    # Each year is a band from half a year before its tick to half a year after: a full-year figure sits on the tick,
    # a part of the year inside the band (see _x), and the grid lines are the bands' edges.
    x = alt.X("x:Q", title=None, scale=alt.Scale(domain=[x_values[0] - 0.5, x_values[-1] + 1], nice=False),
              axis=alt.Axis(values=x_values, labelExpr="datum.value + '年'", grid=False))
    y_axis = kind.y_axis()
    y = alt.Y("value:Q", title=None, scale=alt.Scale(**y_axis["scale"]),
              **({"axis": alt.Axis(**y_axis["axis"])} if "axis" in y_axis else {}))
    base = alt.Chart().encode(x=x, y=y)
    label = alt.Text("label:N")
    shapes = [FULL, TARGET] if kind.interim_apart else [FULL, INTERIM, TARGET]  # apart: interim figures are no points
    edges = _layer_dict(alt.Chart().mark_rule(color="#dddddd").encode(x=x))  # the years' edges: their own data
    edges["data"] = {"values": [{"x": year - 0.5} for year in x_values] + [{"x": x_values[-1] + 0.5}]}
    layers = [
        edges,
        *(_apart_layers(x) if apart else []),
        base.transform_filter(alt.datum.type == PATH_SERIES).mark_line(strokeDash=[6, 4], strokeWidth=2).encode(color=color),
        base.transform_filter((alt.datum.type == FULL) & alt.datum.line).mark_line().encode(
            color=color, detail=alt.Detail("series:N"),
            strokeWidth=alt.condition(alt.datum.series == CITY_SERIES, alt.value(3), alt.value(1.5))),
        base.transform_filter(alt.FieldOneOfPredicate(field="type", oneOf=[FULL, INTERIM, TARGET]) & (alt.datum.place != APART))
        .mark_point(filled=True, opacity=1).encode(
            color=color,
            size=alt.condition(alt.FieldOneOfPredicate(field="series", oneOf=[CITY_SERIES, TARGET_SERIES]), alt.value(110), alt.value(50)),
            shape=alt.Shape("type:N", scale=alt.Scale(domain=shapes, range=[SHAPES[s] for s in shapes]),
                            legend=alt.Legend(title=None, orient="bottom", symbolFillColor="#444444", symbolSize=110))),
        base.transform_filter(alt.datum.place == "above").mark_text(dy=-16, fontSize=TEXT).encode(text=label, color=color),
        base.transform_filter(alt.datum.place == "below").mark_text(dy=TEXT, dx=8, align="right", fontSize=TEXT).encode(text=label, color=color),
        base.transform_filter(alt.datum.place == "right").mark_text(dx=10, align="left", fontSize=TEXT).encode(text=label, color=color),
    ]
    return [_layer_dict(layer) for layer in layers]


def _apart_layers(x: alt.X) -> list:
    """Interim figures marked apart: a dotted line from their time on the axis up to their label, at its own height
    (pixels, no y scale, no point), so nothing places them against the planned path."""
    apart = alt.Chart().transform_filter(alt.datum.place == APART).encode(x=x)
    lane = alt.Y("lane_y:Q", scale=None, axis=None)
    return [
        apart.mark_rule(strokeDash=[2, 3], color="#555555").encode(y=lane, y2=alt.value(INDICATOR_HEIGHT)),  # axis up to its label
        *(apart.transform_filter(alt.datum.side == side).mark_text(align=align, baseline="middle", dx=dx, fontSize=TEXT, color=CITY_COLOR)
          .encode(y=lane, text=alt.Text("label:N")) for side, align, dx in (("right", "left", 10), ("left", "right", -10))),
    ]


@dataclass(frozen=True)
class ChartRow:
    """One row of an indicator chart's data: a figure, a point of the pace line or a target."""

    series: str  # 全市, an area's name, 按进度应达 or 目标
    type: str  # FULL, INTERIM, PATH_SERIES or TARGET
    period: str  # the period in words
    x: float  # where on the time axis (a part of a year sits inside its year)
    value: float  # what is drawn
    published: float | None = None  # the figure as published (a cumulative chart draws running totals)
    label: str = ""
    place: str = ""  # where the label goes; APART for interim figures kept off the axis
    line: bool = False  # joined to its neighbours by a line

    def as_dict(self) -> dict:
        return {"series": self.series, "type": self.type, "period": self.period, "x": round(self.x, 6),
                "value": round(self.value, 6), "published": self.published, "label": self.label, "place": self.place,
                "line": self.line}


def _x(period: Period) -> float:
    """Full years sit on their year's tick; a part of a year at the middle of its months, inside its year's band
    (the year's tick +- half a year): 2022 Q1 at 2022 - 0.5 + 1.5 / 12, left of the 2022 tick but right of 2021's band."""
    if period.full_year:
        return period.year
    return period.year - 0.5 + (period.first_month - 1 + period.last_month) / 24


def _plotted(kind: Kind, figures: list[Figure], plan: Plan) -> list[tuple[Figure, float, bool]]:
    """(figure, value drawn, joined) triples. A kind whose measure runs on from the start year (totals, compound
    decreases) is drawn as that measure, accumulated over unbroken years (joined). A figure that cannot be
    accumulated (a year missing before it) is drawn at its own value, not joined to the line, and its label says so."""
    if not kind.running:
        return [(f, f.value, True) for f in figures]
    full = {f.period.year: f.value for f in figures if f.period.full_year}
    totals = {plan.start_year - 1: 0.0}
    year = plan.start_year
    while year in full:
        totals[year] = kind.accumulate(totals[year - 1], full[year])
        year += 1
    drawn = []
    for f in figures:
        if f.period.full_year and f.period.year < plan.start_year:
            continue  # an addition or decrease before the plan is not part of the total
        if f.period.full_year and f.period.year in totals:
            drawn.append((f, totals[f.period.year], True))
        elif not f.period.full_year and f.period.year - 1 in totals:
            drawn.append((f, kind.accumulate(totals[f.period.year - 1], f.value), True))
        else:
            drawn.append((f, f.value, False))
    return drawn


def _indicator_alt(indicator: dict, kind: Kind, status: str, rows: list[dict], targets: list[Target], plan: Plan) -> str:
    unit = kind.unit_override or unit_of(indicator)

    def values(kind_of_row: str) -> str:
        return "、".join(f"{r['period']}{kind.value_text(r['value'], unit)}" for r in rows
                        if r["series"] == CITY_SERIES and r["type"] == kind_of_row)

    parts = []
    if values(FULL):
        parts.append(f"全市全年{kind.measure_words(plan)}：{values(FULL)}")
    apart = [r["label"] for r in rows if r["series"] == CITY_SERIES and r["place"] == APART]
    if apart:  # the labels say what each figure is (截至…, 当年新增…（未累计）, …同比增长)
        in_unit = f"（单位：{unit}）" if unit and unit != "%" else ""
        parts.append(f"阶段性数字（竖点线，只写出数字，不与进度线比较）：{'、'.join(apart)}{in_unit}")
    elif values(INTERIM):
        parts.append(f"阶段性数字（空心点）：{values(INTERIM)}")
    if not parts:
        parts.append("全市暂无全年数字")
    areas = list(dict.fromkeys(r["series"] for r in rows if r["series"] not in (CITY_SERIES, PATH_SERIES, TARGET_SERIES)))
    if areas:
        parts.append(f"另有{'、'.join(areas)}的数字")
    if targets:
        parts.append("目标：" + "、".join(kind.target_text(t, unit) for t in targets))
    return f"{indicator['name']}。" + "；".join(parts) + f"。状态：{status}。"
