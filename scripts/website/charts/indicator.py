"""One chart per indicator: its figures against the planned path and the targets; figures for part of a year as
hollow points on the same axis, never joined to the line and never deciding anything."""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass

import altair as alt

from scripts.core.package import CITY_AREA
from scripts.core.periods import Period
from scripts.progress.kinds import Kind
from scripts.progress.results import IndicatorResult, Measured
from scripts.progress.targets import Plan, Target
from scripts.progress.text import unit_of
from scripts.website.charts.look import (
    AREA_COLORS,
    CITY_COLOR,
    CITY_SERIES,
    FULL,
    FULL_ALONE,
    INDICATOR_HEIGHT,
    PATH_COLOR,
    PATH_SERIES,
    SHAPES,
    TARGET,
    TARGET_COLOR,
    TARGET_SERIES,
    TEXT,
    _finish,
    _layer_dict,
    legend_name,
    wrap,
)


def indicator_chart(result: IndicatorResult, areas: dict[str, dict], plan: Plan) -> dict | None:
    """Figures over time for the city and each area, the planned path and the targets; None without any figure.

    An indicator with no published figure gets no chart: its page already says so and lists the target.
    `areas`: the package's areas by id, in their order (for names and the order of the lines).
    """
    if not any(result.measured.values()):
        return None  # no figure, or none it can place (e.g. only years before the run began): the page's table lists them
    indicator, kind = result.indicator, result.kind
    rows = _indicator_rows(kind, result.measured, result.path, result.targets, areas)
    status = result.reader.label
    subtitle = [*wrap(kind.measure_title(indicator["unit"], plan)), *wrap(f"状态：{status}")]
    if result.targets:
        subtitle += wrap(f"目标：{result.target_words}")
    if any(r["type"] == kind.interim_words for r in rows):
        subtitle += wrap(f"空心圈：{kind.interim_words}，不决定状态")
    return _finish(
        _indicator_layers(kind, rows, result.targets, plan), rows, height=INDICATOR_HEIGHT, title=indicator["name"],
        subtitle=subtitle, description=_indicator_alt(indicator, kind, status, rows, result.targets, plan),
        csv_columns=[["series", "系列"], ["type", "类型"], ["period", "时期"], ["value", "图中数值"], ["published", "公开数字"]],
    )


def _indicator_rows(kind: Kind, by_area: dict[str, list[Measured]], path: list[tuple[int, float]], targets: list[Target],
                    areas: dict[str, dict]) -> list[dict]:
    """The chart's data: figures by area (city first) at the measure the progress stage worked out for each, the
    planned path year by year, and the targets. Only the city's full-year figures carry their number: every other
    mark is named in the legend, so no two labels can collide."""
    area_ids = [a for a in areas if by_area.get(a)] + [a for a in by_area if a not in areas and by_area[a]]
    rows = []
    for area_id in area_ids:
        series = CITY_SERIES if area_id == CITY_AREA else legend_name(areas.get(area_id, {}).get("name", area_id))
        for drawn in by_area[area_id]:
            figure, value, joined = drawn.figure, drawn.value, drawn.joined
            full = figure.period.full_year
            kind_of_row = (FULL if joined else FULL_ALONE) if full else kind.interim_words
            label = kind.figure_label(figure.period, value, joined) if full and area_id == CITY_AREA else ""
            rows.append(ChartRow(series, kind_of_row, figure.period.label, _x(figure.period), value, figure.value, label,
                                 line=joined and full).as_dict())
    for year, value in path:
        rows.append(ChartRow(PATH_SERIES, PATH_SERIES, f"{year}年", year, value, line=True).as_dict())
    for t in targets:
        rows.append(ChartRow(TARGET_SERIES, TARGET, f"{t.year}年", t.year, t.value, t.value).as_dict())
    return rows


def _indicator_layers(kind: Kind, rows: list[dict], targets: list[Target], plan: Plan) -> list[dict]:
    """Dashed planned path, a line per area, points (hollow rings for part-year figures, diamonds for targets), and
    the city's full-year numbers above their points."""
    series_names = list(dict.fromkeys(r["series"] for r in rows if r["type"] not in (PATH_SERIES, TARGET)))
    area_series = [s for s in series_names if s != CITY_SERIES]
    domain = [CITY_SERIES] * (CITY_SERIES in series_names) + area_series + [PATH_SERIES, TARGET_SERIES]
    colors = ([CITY_COLOR] * (CITY_SERIES in series_names) + [AREA_COLORS[i % len(AREA_COLORS)] for i in range(len(area_series))]
              + [PATH_COLOR, TARGET_COLOR])
    in_legend = [s for s in domain if s != TARGET_SERIES and any(r["series"] == s for r in rows)]  # targets: the shape legend
    shapes = [t for t in (FULL, FULL_ALONE, kind.interim_words, TARGET) if any(r["type"] == t for r in rows)]
    years = [round(r["x"]) for r in rows] + [plan.base_year] + [t.year for t in targets]  # a part of a year: round to it
    x_values = list(range(min(years), max(years) + 1))
    # Charts of the same kind with the same series, shapes and years have the same layers: Altair writes each once.
    # A copy, so that no two specs share a dict.
    return copy.deepcopy(_indicator_layer_dicts(kind, tuple(domain), tuple(colors), tuple(in_legend), tuple(shapes), tuple(x_values)))


@functools.lru_cache(maxsize=256)
def _indicator_layer_dicts(kind: Kind, domain: tuple, colors: tuple, in_legend: tuple, shapes: tuple, x_values: tuple) -> list[dict]:
    color = alt.Color("series:N", scale=alt.Scale(domain=list(domain), range=list(colors)),
                      legend=alt.Legend(title=None, values=list(in_legend), symbolType="stroke", symbolStrokeWidth=3,
                                        labelExpr="split(datum.label, '\\n')"))  # a long area name in lines
    x_values = list(x_values)
    # Each year is a band from half a year before its tick to half a year after: a full-year figure sits on the tick,
    # a part of the year inside the band (see _x), and the grid lines are the bands' edges.
    x = alt.X("x:Q", title=None, scale=alt.Scale(domain=[x_values[0] - 0.5, x_values[-1] + 0.5], nice=False),
              axis=alt.Axis(values=x_values, labelExpr="datum.value + '年'", grid=False))
    # One y scale for every mark that has a value: the axis holds every figure, part-year ones included.
    y_axis = kind.y_axis()
    y = alt.Y("value:Q", title=None, scale=alt.Scale(**y_axis["scale"]),
              **({"axis": alt.Axis(**y_axis["axis"])} if "axis" in y_axis else {}))
    base = alt.Chart().encode(x=x, y=y)
    edges = _layer_dict(alt.Chart().mark_rule(color="#dddddd").encode(x=x).properties(name="year-edges"))
    edges["data"] = {"values": [{"x": year - 0.5} for year in x_values] + [{"x": x_values[-1] + 0.5}]}  # their own data
    layers = [
        edges,
        base.transform_filter(alt.datum.type == PATH_SERIES).mark_line(strokeDash=[6, 4], strokeWidth=2).encode(color=color)
        .properties(name="path"),
        base.transform_filter((alt.datum.type == FULL) & alt.datum.line).mark_line().encode(
            color=color, detail=alt.Detail("series:N"),
            strokeWidth=alt.condition(alt.datum.series == CITY_SERIES, alt.value(3), alt.value(1.5))).properties(name="lines"),
        base.transform_filter(alt.FieldOneOfPredicate(field="type", oneOf=list(shapes))).mark_point(filled=True, opacity=1).encode(
            color=color,
            size=alt.condition(alt.FieldOneOfPredicate(field="series", oneOf=[CITY_SERIES, TARGET_SERIES]), alt.value(110), alt.value(50)),
            shape=alt.Shape("type:N", scale=alt.Scale(domain=list(shapes), range=[SHAPES.get(s, SHAPES["interim"]) for s in shapes]),
                            legend=alt.Legend(title=None, orient="bottom", symbolFillColor="#444444", symbolSize=110)))
        .properties(name="points"),
        base.transform_filter(alt.datum.label != "").mark_text(dy=-16, fontSize=TEXT).encode(text=alt.Text("label:N"), color=color)
        .properties(name="numbers"),
    ]
    return [_layer_dict(layer) for layer in layers]


@dataclass(frozen=True)
class ChartRow:
    """One row of an indicator chart's data: a figure, a point of the pace line or a target."""

    series: str  # 全市, an area's name, 按进度应达 or 目标
    type: str  # FULL, FULL_ALONE, the kind's interim_words, PATH_SERIES or TARGET
    period: str  # the period in words
    x: float  # where on the time axis (a part of a year sits inside its year)
    value: float  # what is drawn
    published: float | None = None  # the figure as published (a cumulative chart draws running totals)
    label: str = ""  # the number written above the point (the city's full-year figures only)
    line: bool = False  # joined to its neighbours by a line

    def as_dict(self) -> dict:
        return {"series": self.series, "type": self.type, "period": self.period, "x": round(self.x, 6),
                "value": round(self.value, 6), "published": self.published, "label": self.label, "line": self.line}


def _x(period: Period) -> float:
    """Full years sit on their year's tick; a part of a year at the middle of its months, inside its year's band
    (the year's tick +- half a year): 2022 Q1 at 2022 - 0.5 + 1.5 / 12, left of the 2022 tick but right of 2021's band."""
    if period.full_year:
        return period.year
    return period.year - 0.5 + (period.first_month - 1 + period.last_month) / 24


def _indicator_alt(indicator: dict, kind: Kind, status: str, rows: list[dict], targets: list[Target], plan: Plan) -> str:
    unit = kind.unit_override or unit_of(indicator)

    def values(*types: str) -> str:
        return "、".join(f"{r['period']}{kind.value_text(r['value'], unit)}" for r in rows
                        if r["series"] == CITY_SERIES and r["type"] in types)

    parts = []
    if values(FULL, FULL_ALONE):
        parts.append(f"全市全年{kind.measure_words(plan)}：{values(FULL, FULL_ALONE)}")
    if values(kind.interim_words):
        parts.append(f"{kind.interim_words}（空心圈）：{values(kind.interim_words)}")
    if not parts:
        parts.append("全市暂无全年数字")
    areas = list(dict.fromkeys(r["series"].replace("\n", "") for r in rows
                               if r["series"] not in (CITY_SERIES, PATH_SERIES, TARGET_SERIES)))
    if areas:
        parts.append(f"另有{'、'.join(areas)}的数字")
    if targets:
        parts.append("目标：" + "、".join(kind.target_text(t, unit) for t in targets))
    return f"{indicator['name']}。" + "；".join(parts) + f"。状态：{status}。"
