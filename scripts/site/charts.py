"""Charts as Vega-Lite specs built with Altair (scripts/site/rendering.py draws them as SVG), and their CSV data."""

from __future__ import annotations

import argparse
import copy
import functools
import math
import sys
from pathlib import Path

import altair as alt

from scripts.core import files
from scripts.core.csvcells import csv_text
from scripts.core.package import CITY_AREA, Package
from scripts.core.words import MILESTONE_DONE, MILESTONE_NOT_DONE, STATUS_LABELS, number
from scripts.site.catalog import build_catalog
from scripts.site.rendering import RenderResult, clean_text, render_charts, render_svg, text_alternative  # noqa: F401 (clean_text, render_svg: used by callers of this module)
from scripts.core.periods import Period
from scripts.progress.kinds import kind_of
from scripts.progress.standing import standing
from scripts.progress.method import (
    Figure,
    IndicatorProgress,
    Plan,
    Target,
    collect_figures,
    collect_targets,
    count_statuses,
    expected_at,
    target_for,
)

FONT = "WenQuanYi Micro Hei, sans-serif"  # installed at build time (fonts-wqy-microhei); readers fall back to sans-serif
WIDTH = 640
# On a 390 px phone the theme leaves the chart 358 px (measured in Chromium): the SVG is drawn at 358/640 of its size,
# so text of TEXT px is read at TEXT * 358 / 640 px. Every text is at least TEXT: 11 px or more on that phone.
PHONE_CHART_WIDTH, PHONE_MIN_TEXT = 358, 11
TEXT = math.ceil(PHONE_MIN_TEXT * WIDTH / PHONE_CHART_WIDTH)  # 20
TITLE_TEXT = TEXT + 4
# Interim figures of these kinds are not the measure the target is set in (a total or a year's amount counted over
# some months, a growth rate over months): they are marked apart, as a dotted line at their time with their number
# written above the plot, and never drawn against the y axis of the planned path. A share over some months and a
# milestone reached are the target's own measure: those stay hollow points on the chart.
APART_KINDS = ("cumulative", "reduction", "average_growth", "annual", "level")
APART = "apart"  # the `place` of such a row
LANE_HEIGHT = TEXT + 8  # px between the stacked labels of interim figures, above the plot
INDICATOR_HEIGHT = 360
# Okabe-Ito, as the site's status badges (docs/assets/extra.css): colour-blind safe, and every bar also says its label.
STATUS_COLORS = {
    "achieved": "#009E73",
    "on_track": "#0072B2",
    "behind": "#E69F00",
    "off_track": "#D55E00",
    "not_achieved": "#CC79A7",
    "no_data": "#BBBBBB",
}
CITY_SERIES, PATH_SERIES, TARGET_SERIES = "全市", "按进度应达", "目标"
FULL, INTERIM, TARGET = "全年数字", "阶段性数字", "目标值"
CITY_COLOR, PATH_COLOR, TARGET_COLOR = "#222222", "#777777", "#000000"
# Paul Tol's muted scheme for the areas; each area line is also labelled with its name.
AREA_COLORS = ["#332288", "#117733", "#44AA99", "#88CCEE", "#DDCC77", "#CC6677", "#AA4499", "#882255", "#999933"]
# A ring drawn as one filled symbol (the inner circle winds the other way), so interim points and their
# legend entry are both hollow.
RING = "M-1,0A1,1,0,1,1,1,0A1,1,0,1,1,-1,0ZM-0.55,0A0.55,0.55,0,1,0,0.55,0A0.55,0.55,0,1,0,-0.55,0Z"
SHAPES = {FULL: "circle", INTERIM: RING, TARGET: "diamond"}
ROW_STEP = 3 * TEXT + 34  # px per row in the bar charts: name above the bar, its status in words below
SHARE_AXIS_MAX = 1.2  # the dashboard's x axis: 0-120% of the target; longer bars are cut there, their text says the rest
DATA_NAME = "rows"  # every chart's one inline dataset
# Shared look: the CJK font, and sizes that stay readable on a phone once the 640 px image is scaled down.
LOOK = {
    "background": "white",
    "padding": 8,
    "autosize": {"type": "fit-x", "contains": "padding"},
    "config": {
        "font": FONT,
        "aria": False,  # no per-mark labels ("x: 2021; value: 120"): the whole image has one text alternative
        "view": {"stroke": None},
        "axis": {"labelFontSize": TEXT, "titleFontSize": TEXT, "labelColor": "#333333", "gridColor": "#e5e5e5",
                 "domainColor": "#999999", "tickColor": "#999999"},
        "legend": {"orient": "bottom", "direction": "horizontal", "columns": 3, "labelFontSize": TEXT,
                   "columnPadding": 14, "labelLimit": 300},
        "title": {"fontSize": TITLE_TEXT, "subtitleFontSize": TEXT, "subtitleColor": "#444444", "anchor": "start", "offset": 10},
    },
}


# ---- specs -----------------------------------------------------------------------------------------------------


def build_specs(package: Package, results: dict[str, IndicatorProgress]) -> dict[str, dict]:
    """Every chart of the site: one per indicator that has any figure, the dashboard (when a headline indicator has
    a status), and the two roll-ups."""
    figures, targets = collect_figures(package), collect_targets(package)
    specs = {}
    for indicator_id, result in results.items():
        spec = indicator_chart(package, result, figures=figures, targets=targets)
        if spec is not None:
            specs[indicator_id] = spec
    dashboard = dashboard_chart(package, results)
    if dashboard is not None:
        specs["dashboard"] = dashboard
    specs["status-by-group"] = status_by_group_chart(package, results)
    specs["status-by-unit"] = status_by_unit_chart(package, results)
    return specs


def indicator_chart(package: Package, result: IndicatorProgress, *, figures: dict | None = None, targets: dict | None = None) -> dict | None:
    """Figures over time for the city and each area, the planned path and the targets; None without any figure.

    An indicator with no published figure gets no chart: its page already says 暂无公开数据 and lists the target.
    """
    figures = collect_figures(package) if figures is None else figures
    targets = collect_targets(package) if targets is None else targets
    by_area = figures.get(result.indicator_id, {})
    if not any(by_area.values()):
        return None
    indicator = package.index("indicators")[result.indicator_id]
    plan = Plan.of(package)
    kind = indicator["target_kind"]
    its_targets = targets.get(result.indicator_id, [])
    rows = _indicator_rows(package, kind, by_area, its_targets, plan, result.baseline_value)
    status = standing(result, [area for area, figs in by_area.items() for _ in figs]).label
    subtitle = [f"{_measure_title(kind, indicator['unit'], plan)}；状态：{status}"]
    if any(r["place"] == APART for r in rows):
        subtitle += ["竖点线：阶段性数字（季度、半年、月度），只写出数字，", "不与进度线比较，不决定状态"]
    elif any(r["type"] == INTERIM for r in rows):
        subtitle.append("空心点为阶段性数字（季度、半年、月度累计），不决定状态")
    return _finish(
        _indicator_layers(kind, rows, its_targets, plan), rows, height=INDICATOR_HEIGHT, title=indicator["name"], subtitle=subtitle,
        description=_indicator_alt(indicator, status, rows, its_targets, plan),
        csv_columns=[["series", "系列"], ["type", "类型"], ["period", "时期"], ["value", "图中数值"], ["published", "公开数字"]],
    )


def _indicator_rows(package: Package, kind: str, by_area: dict[str, list[Figure]], targets: list[Target], plan: Plan,
                    baseline: float | None) -> list[dict]:
    """The chart's data: figures by area (city first), the planned path year by year, and the targets."""
    areas = {a["id"]: a for a in sorted(package.rows("areas"), key=lambda a: a["order"])}
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
                label, place = _figure_label(kind, figure, value, joined), "below" if interim else "above"
            else:
                label, place = (series, "right") if i == last_joined and label_areas else ("", "")
            if interim and kind in APART_KINDS:
                city_label = _figure_label(kind, figure, value, joined)
                label, place = (city_label if area_id == CITY_AREA else f"{series}：{city_label}"), APART
            rows.append(_row(series, INTERIM if interim else FULL, figure.period.label, _x(figure.period), value,
                             figure.value, label, place, line=joined and not interim))
    if targets and kind != "milestone":
        first = plan.start_year if kind in ("average_growth", "annual", "share") else plan.base_year
        for year in range(first, targets[-1].year + 1):
            value = expected_at(kind, year, target_for(targets, year), plan, baseline)
            if value is not None:
                rows.append(_row(PATH_SERIES, PATH_SERIES, f"{year}年", year, value, None, "", "", line=True))
    for i, t in enumerate(targets):
        labelled = i == len(targets) - 1 or t.value != targets[i + 1].value  # one label for a run of equal targets
        label = "目标：实现" if kind == "milestone" else f"目标 {number(t.value)}{_percent_sign(kind)}"
        rows.append(_row(TARGET_SERIES, TARGET, f"{t.year}年", t.year, t.value, t.value, label if labelled else "", "right"))
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


def _indicator_layers(kind: str, rows: list[dict], targets: list[Target], plan: Plan) -> list[dict]:
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
def _indicator_layer_dicts(kind: str, domain: tuple, colors: tuple, in_legend: tuple, x_values: tuple, apart: bool) -> list[dict]:
    color = alt.Color("series:N", scale=alt.Scale(domain=list(domain), range=list(colors)),
                      legend=alt.Legend(title=None, values=list(in_legend), symbolType="stroke", symbolStrokeWidth=3))
    x_values = list(x_values)
    # Each year is a band from half a year before its tick to half a year after: a full-year figure sits on the tick,
    # a part of the year inside the band (see _x), and the grid lines are the bands' edges.
    x = alt.X("x:Q", title=None, scale=alt.Scale(domain=[x_values[0] - 0.5, x_values[-1] + 1], nice=False),
              axis=alt.Axis(values=x_values, labelExpr="datum.value + '年'", grid=False))
    if kind == "milestone":
        y = alt.Y("value:Q", title=None, scale=alt.Scale(domain=[-0.2, 1.25]),
                  axis=alt.Axis(values=[0, 1], labelExpr=f"datum.value == 1 ? '{MILESTONE_DONE}' : '{MILESTONE_NOT_DONE}'"))
    else:
        y = alt.Y("value:Q", title=None, scale=alt.Scale(zero=kind in ("cumulative", "reduction", "average_growth")))
    base = alt.Chart().encode(x=x, y=y)
    label = alt.Text("label:N")
    shapes = [FULL, TARGET] if kind in APART_KINDS else [FULL, INTERIM, TARGET]  # apart: interim figures are no points
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


def _row(series, kind, period, x, value, published, label, place, *, line=False) -> dict:
    return {"series": series, "type": kind, "period": period, "x": round(x, 6), "value": round(value, 6),
            "published": published, "label": label, "place": place, "line": line}


def _percent_sign(kind: str) -> str:
    """'%' where the kind's measure is a percentage whatever the indicator's unit (the axis title gives the rest)."""
    return kind_of(kind).percent_sign


def _figure_label(kind: str, figure: Figure, value: float, joined: bool) -> str:
    """The text beside a city point: the number, and for a part of a year what the number is."""
    if kind == "milestone":
        done = MILESTONE_DONE if value >= 1 else MILESTONE_NOT_DONE
        return "" if figure.period.full_year else f"{figure.period.label}：{done}"
    shown = number(value) + _percent_sign(kind)
    if kind in ("cumulative", "reduction") and not joined:
        own = "当年新增" if kind == "cumulative" else "当年下降"
        return f"{figure.period.label}{own}：{shown}（未累计）"
    if figure.period.full_year:
        return shown
    if kind in ("cumulative", "reduction"):
        return f"截至{figure.period.label}：{shown}"
    return f"{figure.period.label}同比增长：{shown}" if kind == "average_growth" else f"{figure.period.label}：{shown}"


def _x(period: Period) -> float:
    """Full years sit on their year's tick; a part of a year at the middle of its months, inside its year's band
    (the year's tick +- half a year): 2022 Q1 at 2022 - 0.5 + 1.5 / 12, left of the 2022 tick but right of 2021's band."""
    if period.full_year:
        return period.year
    return period.year - 0.5 + (period.first_month - 1 + period.last_month) / 24


def _plotted(kind: str, figures: list[Figure], plan: Plan) -> list[tuple[Figure, float, bool]]:
    """(figure, value drawn, joined) triples. Totals and compound decreases are drawn as the measure the target is
    set in, accumulated from the start year over unbroken years (joined). A figure that cannot be accumulated (a
    year missing before it) is drawn at its own value, not joined to the line, and its label says so."""
    if kind not in ("cumulative", "reduction"):
        return [(f, f.value, True) for f in figures]

    def add(so_far: float, value: float) -> float:
        return so_far + value if kind == "cumulative" else (1 - (1 - so_far / 100) * (1 - value / 100)) * 100

    full = {f.period.year: f.value for f in figures if f.period.full_year}
    totals = {plan.start_year - 1: 0.0}
    year = plan.start_year
    while year in full:
        totals[year] = add(totals[year - 1], full[year])
        year += 1
    drawn = []
    for f in figures:
        if f.period.full_year and f.period.year < plan.start_year:
            continue  # an addition or decrease before the plan is not part of the total
        if f.period.full_year and f.period.year in totals:
            drawn.append((f, totals[f.period.year], True))
        elif not f.period.full_year and f.period.year - 1 in totals:
            drawn.append((f, add(totals[f.period.year - 1], f.value), True))
        else:
            drawn.append((f, f.value, False))
    return drawn


def _measure_title(kind: str, unit: str, plan: Plan) -> str:
    if kind == "cumulative":
        return f"{plan.start_year}年起累计（{unit}）"
    if kind == "reduction":
        return f"比{plan.base_year}年累计下降（%）"
    if kind == "average_growth":
        return "当年增长率（%），虚线为目标年均增速"
    if kind == "milestone":
        return "是否实现"
    return f"单位：{unit}"


def _indicator_alt(indicator: dict, status: str, rows: list[dict], targets: list[Target], plan: Plan) -> str:
    kind, unit = indicator["target_kind"], "" if indicator["target_kind"] == "milestone" else indicator["unit"]
    if kind == "reduction":
        unit = "%"

    def values(kind_of_row: str) -> str:
        return "、".join(f"{r['period']}{_value_text(kind, r['value'], unit)}" for r in rows if r["series"] == CITY_SERIES and r["type"] == kind_of_row)

    what = {"cumulative": f"{plan.start_year}年起累计", "reduction": f"比{plan.base_year}年累计下降",
            "average_growth": "当年增长率"}.get(kind, "数字")
    parts = []
    if values(FULL):
        parts.append(f"全市全年{what}：{values(FULL)}")
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
        parts.append("目标：" + "、".join(
            f"{t.year}年实现" if kind == "milestone" else f"{t.year}年{_value_text(kind, t.value, unit)}" for t in targets))
    return f"{indicator['name']}。" + "；".join(parts) + f"。状态：{status}。"


def _value_text(kind: str, value: float, unit: str) -> str:
    if kind == "milestone":
        return MILESTONE_DONE if value >= 1 else MILESTONE_NOT_DONE
    return f"{number(value)}{unit}"


def dashboard_chart(package: Package, results: dict[str, IndicatorProgress]) -> dict | None:
    """One bar per headline indicator that has a status: the share of its target achieved, a tick at the share
    expected by now. None when no headline indicator has one: rows of empty bars would say nothing."""
    headline = [i for i in sorted(package.rows("indicators"), key=lambda i: i["order"]) if i.get("headline")]
    judged = [i for i in headline if i["id"] in results and results[i["id"]].status != "no_data"]
    if not judged:
        return None
    rows = []
    for ind in judged:
        r = results[ind["id"]]
        status = r.status
        achieved = r.achieved_share
        expected = r.expected_share if status not in ("achieved", "not_achieved") else None
        rows.append({
            "name": ind["name"], "status": STATUS_LABELS[status],
            "achieved": None if achieved is None else round(achieved, 6),
            "expected": None if expected is None else round(expected, 6),
            "bar": None if achieved is None else round(min(max(achieved, 0), SHARE_AXIS_MAX), 6),
            "text": _dashboard_text(ind, r, status, achieved, expected),
        })
    counts = count_statuses(results[i["id"]].status for i in judged)
    judged_text = "" if len(judged) == len(headline) else f"{len(judged)}项已可判断状态（图中只画这些），"
    description = (f"{len(headline)}项核心指标中，{judged_text}" + "、".join(f"{STATUS_LABELS[c]}{n}项" for c, n in counts.items() if n) + "。"
                   + "".join(f"{row['name']}：{row['text']}。" for row in rows if row["achieved"] is not None))
    y = alt.Y("name:N", sort=None, axis=None)
    x = alt.X("bar:Q", title=None, scale=alt.Scale(domain=[0, SHARE_AXIS_MAX], nice=False),
              axis=alt.Axis(format=".0%", values=[0, 0.25, 0.5, 0.75, 1], orient="top", grid=True))
    base = alt.Chart().encode(y=y)
    layers = [
        base.mark_bar(height=14, color="#eeeeee").encode(x=alt.datum(0), x2=alt.datum(1)),  # the track: 0-100%
        base.mark_bar(height=14).encode(x=x, x2=alt.datum(0), color=_status_color_encoding()),
        alt.Chart().mark_rule(strokeDash=[4, 3], color="#000000").encode(x=alt.datum(1)),
        base.mark_tick(color="#000000", thickness=3, size=24).encode(x=alt.X("expected:Q")),
        *_row_texts(base, "name:N", "text:N"),
    ]
    return _finish(
        layers, rows, height=max(len(rows), 1) * ROW_STEP, title="核心指标完成进度",
        subtitle=["条形：已完成目标的比例；黑色短线：按进度此时应完成的比例；", "虚线：目标"], description=description,
        csv_columns=[["name", "指标"], ["status", "状态"], ["achieved", "已完成目标的比例"], ["expected", "按进度应完成的比例"], ["text", "说明"]],
    )


def _dashboard_text(indicator: dict, r: IndicatorProgress | None, status: str, achieved, expected) -> str:
    label = STATUS_LABELS[status]
    if status == "no_data" or r is None:
        return label
    kind = indicator["target_kind"]
    if achieved is None:  # e.g. a level decided by its final year without a baseline
        return f"{label}：{r.latest_period}年为{number(r.latest_value)}{indicator['unit']}"
    if kind == "milestone":
        return f"{label}：{'已实现' if achieved >= 1 else '尚未实现'}"
    if kind == "annual":
        return f"{label}：有全年数字的年份中{_percent(achieved)}达到当年目标"
    if kind == "share":
        return f"{label}：最新数字为门槛的{_percent(achieved)}"
    text = f"{label}：已完成目标的{_percent(achieved)}"
    return text + (f"，按进度应完成{_percent(expected)}" if expected is not None else "")


def _percent(share: float) -> str:
    return f"{number(share * 100, 0)}%"


def status_by_group_chart(package: Package, results: dict[str, IndicatorProgress]) -> dict:
    """Indicators in each status, per group of tasks (攻坚行动, 政策措施, ...)."""
    catalog = build_catalog(package)
    groups = []
    for _, group, tasks in catalog.groups():
        ids = [i["id"] for t in tasks for i in catalog.indicators_of_task[t["id"]]]
        if ids:
            groups.append((group, ids))
    return _status_counts_chart("各行动指标状态", "按任务所属行动统计的量化指标", groups, results, "行动")


def status_by_unit_chart(package: Package, results: dict[str, IndicatorProgress]) -> dict:
    """Indicators in each status, per lead unit (over the indicators of the tasks it leads)."""
    catalog = build_catalog(package)
    units = [(u["name"], [i["id"] for i in catalog.indicators_led_by(u["id"])]) for u in catalog.units.values()]
    return _status_counts_chart("各牵头单位指标状态", "统计各单位牵头任务下的量化指标", [u for u in units if u[1]], results, "牵头单位")


def _status_counts_chart(title: str, subtitle: str, groups: list[tuple[str, list[str]]], results: dict, what: str) -> dict:
    rows, sentences = [], []
    order = {code: i for i, code in enumerate(STATUS_LABELS)}
    for name, ids in groups:
        counts = count_statuses(results[i].status if i in results else "no_data" for i in ids)
        summary = "，".join(f"{STATUS_LABELS[c]} {n}" for c, n in counts.items() if n)
        sentences.append(f"{name}{len(ids)}项（{summary.replace(' ', '')}）")
        for code, n in counts.items():
            if n:
                rows.append({"group": name, "title": f"{name}（{len(ids)}项）", "status": STATUS_LABELS[code],
                             "order": order[code], "count": n, "summary": summary})
    y = alt.Y("group:N", sort=None, axis=None)
    most = max((len(ids) for _, ids in groups), default=1)
    x = alt.X("count:Q", stack="zero", title=None, scale=alt.Scale(domain=[0, most]),
              axis=alt.Axis(orient="top", values=list(range(0, most + 1, max(1, -(-most // 8)))), format="d", title="指标数"))
    base = alt.Chart().encode(y=y)
    labels = base.transform_aggregate(title="min(title)", summary="min(summary)", groupby=["group"])  # one per row
    layers = [
        base.mark_bar(height=14).encode(x=x, color=_status_color_encoding(), order=alt.Order("order:Q")),
        *_row_texts(labels, "title:N", "summary:N"),
    ]
    total = sum(len(ids) for _, ids in groups)
    return _finish(
        layers, rows, height=max(len(groups), 1) * ROW_STEP, title=title, subtitle=[subtitle],
        description=f"{subtitle}，共{total}项：" + "；".join(sentences) + "。" if groups else f"{subtitle}：暂无。",
        csv_columns=[["group", what], ["status", "状态"], ["count", "指标数"]],
    )


def _row_texts(base, title_field: str, text_field: str) -> list:
    """A row's name just above its bar and its status in words just below."""
    return [
        base.mark_text(align="left", baseline="bottom", dy=-10, fontSize=TEXT, fontWeight="bold").encode(x=alt.datum(0), text=alt.Text(title_field)),
        base.mark_text(align="left", baseline="top", dy=10, fontSize=TEXT, color="#222222").encode(x=alt.datum(0), text=alt.Text(text_field)),
    ]


def _status_color_encoding() -> alt.Color:
    return alt.Color("status:N", scale=alt.Scale(domain=list(STATUS_LABELS.values()), range=list(STATUS_COLORS.values())),
                     legend=alt.Legend(title=None, symbolType="square", symbolSize=160))


def _finish(layers: list, rows: list[dict], *, height: int, title: str, subtitle: list[str], description: str,
            csv_columns: list[list[str]]) -> dict:
    """One layered Vega-Lite spec: Altair writes each layer; the top level (data, size, titles, look) is put
    together here. Assembling the layers with Altair copied and validated the whole chart at every step and
    took longer than rendering it; the finished specs are checked against the Vega-Lite schema in the tests.
    """
    return {
        **LOOK,
        "width": WIDTH,
        "height": height,
        "title": {"text": title, "subtitle": subtitle},
        "description": description,  # the text alternative
        "usermeta": {"csv": csv_columns},  # columns of the chart's CSV download
        "data": {"name": DATA_NAME},
        "datasets": {DATA_NAME: rows},
        "layer": [_layer_dict(layer) for layer in layers],
    }


def _layer_dict(layer) -> dict:
    if isinstance(layer, dict):  # already a dict (_indicator_layers)
        return layer
    spec = layer.to_dict(validate=False)
    for key in ("$schema", "config", "data", "datasets"):  # a data-less Chart gets a placeholder dataset
        spec.pop(key, None)
    return spec


# ---- files -----------------------------------------------------------------------------------------------------


def chart_rows(spec: dict) -> list[dict]:
    """The inline data rows of a spec."""
    data = spec.get("data", {})
    if "values" in data:
        return data["values"]
    return spec.get("datasets", {}).get(data.get("name"), [])


def chart_csv(spec: dict) -> str:
    """The data a chart draws, as CSV with Chinese headers (for the page's 下载图表数据 link)."""
    columns = spec.get("usermeta", {}).get("csv", [])
    rows = [[_csv_cell(row.get(field)) for field, _ in columns] for row in chart_rows(spec)]
    return csv_text([[title for _, title in columns], *rows])


def _csv_cell(value) -> str:
    if value is None:
        return ""
    return number(value, 6) if isinstance(value, float) else str(value)


class SiteCharts(dict):
    """chart name -> text alternative, for every chart written; `.render` tells what was drawn or reused."""

    render: RenderResult
    written: list[Path]  # every file written: <name>.svg and <name>.csv


def render_site_charts(package: Package, results: dict[str, IndicatorProgress], out_dir: Path | str, cache_dir: Path | str) -> SiteCharts:
    """Build every chart, write <name>.svg and <name>.csv (its data) into out_dir; return name -> text alternative."""
    specs = build_specs(package, results)
    rendered = render_charts(specs, out_dir, cache_dir)
    charts = SiteCharts()
    charts.written = list(rendered.values())
    for name, spec in specs.items():
        charts.written.append(files.write_text(Path(out_dir) / f"{name}.csv", chart_csv(spec), encoding="utf-8-sig"))
        charts[name] = text_alternative(spec)
    charts.render = rendered
    return charts


def main(argv: list[str] | None = None) -> int:
    from scripts.core.package import read_package
    from scripts.core.paths import BUILD_DIR, DEFAULT_PACKAGE, chart_cache_dir
    from scripts.progress.method import compute_progress

    parser = argparse.ArgumentParser(description="计算进度并把全部图表绘制为 SVG（只重绘内容有变化的图表）。")
    parser.add_argument("package", nargs="?", default=str(DEFAULT_PACKAGE), help="datapackage.json 的路径")
    parser.add_argument("--out", default=str(BUILD_DIR / "charts"), help="SVG 输出目录（默认：build/charts）")
    parser.add_argument("--cache", default=str(chart_cache_dir(BUILD_DIR)), help="缓存目录（默认：build/cache/charts）")
    args = parser.parse_args(argv)
    package = read_package(args.package)
    charts = render_site_charts(package, compute_progress(package), args.out, args.cache)
    print(charts.render.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
