"""scripts.website.charts: what each spec draws, the SVG it renders to, and the render cache.

The package is tiny, in memory and fictional; the expected rows are worked out by hand in the comments.
"""

import copy
import datetime
import re
from pathlib import Path

import altair as alt
import pytest

from scripts.core.package import Package
from scripts.core.periods import parse_period
from scripts.progress.results import compute_progress
from scripts.website import charts, rendering
from scripts.website.charts import (
    RING,
    build_specs,
    chart_csv,
    indicator_chart,
    render_charts,
    render_site_charts,
    text_alternative,
)

# A day while the plan runs: the charts' pace and status words (an ended plan's are tested apart).
RUNNING = datetime.date(2023, 6, 30)
PLAN = {"base_year": 2020, "start_year": 2021, "end_year": 2023}


def obs(indicator_id, period, value, area="quzhou"):
    return {"indicator_id": indicator_id, "area_id": area, "period": period, "value": float(value), "status": "final"}


def small_package() -> Package:
    indicators = [
        {"id": "added", "name": "示例新增企业", "unit": "家", "headline": True, "task_id": "action-1-1",
         "direction": "increase", "target_kind": "cumulative", "order": 1},
        {"id": "tax", "name": "示例亩均税收", "unit": "万元", "headline": True, "task_id": "action-1-1",
         "direction": "increase", "target_kind": "level", "order": 2},
        {"id": "none", "name": "示例无数据指标", "unit": "个", "headline": False, "task_id": "action-1-2",
         "direction": "increase", "target_kind": "level", "order": 3},
    ]
    targets = [
        {"indicator_id": "added", "year": 2023, "value": 1200.0, "comparator": ">="},
        {"indicator_id": "tax", "year": 2023, "value": 130.0, "comparator": ">="},
        {"indicator_id": "none", "year": 2023, "value": 5.0, "comparator": ">="},
    ]
    observations = [
        obs("added", "2021", 120), obs("added", "2022", 80), obs("added", "2023-01..10", 150),
        obs("added", "2021", 50, "east"), obs("added", "2022", 30, "east"),
        obs("tax", "2020", 100), obs("tax", "2022", 112),
    ]
    tables = {
        "areas": [{"id": "quzhou", "name": "示例市", "kind": "city", "order": 1},
                  {"id": "east", "name": "示例东区", "kind": "district", "order": 2}],
        "units": [{"id": "bureau", "name": "示例局", "full_name": "示例市示例局", "kind": "city_department", "area_id": None, "order": 1},
                  {"id": "office", "name": "示例办", "full_name": "示例市示例办", "kind": "city_department", "area_id": None, "order": 2}],
        "tasks": [{"id": f"action-1-{n}", "section": "key_task", "group": "示例攻坚行动", "number": f"三(一){n}",
                   "title": f"示例任务{n}", "text": "示例条文。", "responsibility_text": "(责任单位:示例局)", "order": n} for n in (1, 2)],
        "task_units": [{"task_id": "action-1-1", "unit_id": "bureau", "role": "lead", "order": 1},
                       {"task_id": "action-1-1", "unit_id": "office", "role": "support", "order": 2},
                       {"task_id": "action-1-2", "unit_id": "office", "role": "lead", "order": 1}],
        "indicators": indicators, "targets": targets, "observations": observations, "task_reports": [],
    }
    return Package(path=Path("small/datapackage.json"), descriptor={"name": "small", "plan": PLAN}, tables=tables)


@pytest.fixture(scope="module")
def specs():
    package = small_package()
    return build_specs(compute_progress(package, RUNNING))


def rows(spec, **where):
    return [r for r in charts.chart_rows(spec) if all(r.get(k) == v for k, v in where.items())]


def points(spec, **where):
    return [(r["x"], r["value"]) for r in rows(spec, **where)]


# ---- specs -----------------------------------------------------------------------------------------------------


def test_one_chart_per_indicator_with_figures_and_three_overviews(specs):
    # "none" has no figure at all: no chart (its page says 暂无公开数字)
    assert list(specs) == ["added", "tax", "dashboard", "status-by-group", "status-by-unit"]


def layer(spec: dict, name: str) -> dict:
    """The layer of an indicator chart with this name (year-edges, path, lines, points, numbers)."""
    found = [layer for layer in spec["layer"] if layer.get("name") == name]
    assert len(found) == 1, [layer.get("name") for layer in spec["layer"]]
    return found[0]


def chart_rows(spec: dict) -> list[tuple]:
    """Every data row as (series, type, period, x, value, published, label, line)."""
    return [(r["series"], r["type"], r["period"], r["x"], r["value"], r["published"], r["label"], r["line"])
            for r in charts.chart_rows(spec)]


def one_chart(kind: str, targets: list[tuple], figures: dict[str, float], *, direction="increase", unit="家", today=RUNNING):
    """The chart of one fictional indicator: targets [(year, comparator, value)], city figures {period: value}."""
    indicator = {"id": "x", "name": "示例指标", "unit": unit, "headline": True, "task_id": None, "direction": direction,
                 "target_kind": kind, "order": 1}
    package = Package(path=Path("one/datapackage.json"), descriptor={"name": "one", "plan": PLAN}, tables={
        "areas": [{"id": "quzhou", "name": "示例市", "kind": "city", "order": 1}],
        "indicators": [indicator],
        "targets": [{"indicator_id": "x", "year": y, "comparator": c, "value": float(v)} for y, c, v in targets],
        "observations": [obs("x", period, value) for period, value in figures.items()],
    })
    results = compute_progress(package, today)
    return indicator_chart(results["x"], results.catalog.areas, results.plan)


def test_level_chart_path_starts_at_the_baseline(specs):
    # baseline 100 (2020) to 130 (2023): the path is 100, 110, 120, 130; 112 in 2022 is R = (12/30)/(2/3) = 0.6
    assert chart_rows(specs["tax"]) == [
        ("全市", "全年数字", "2020年", 2020, 100, 100, "100", True),
        ("全市", "全年数字", "2022年", 2022, 112, 112, "112", True),
        ("按进度应达", "按进度应达", "2020年", 2020, 100, None, "", True),
        ("按进度应达", "按进度应达", "2021年", 2021, 110, None, "", True),
        ("按进度应达", "按进度应达", "2022年", 2022, 120, None, "", True),
        ("按进度应达", "按进度应达", "2023年", 2023, 130, None, "", True),
        ("目标", "目标值", "2023年", 2023, 130, 130, "", False),
    ]
    assert specs["tax"]["title"] == {"text": ["示例亩均税收"], "subtitle": [
        "单位：万元", "状态：进度滞后", "目标：2023年不低于130万元"]}
    assert text_alternative(specs["tax"]) == "示例亩均税收。全市全年数字：2020年100万元、2022年112万元；目标：2023年130万元。状态：进度滞后。"


def test_cumulative_chart_draws_running_totals_part_year_figures_on_the_axis_and_areas(specs):
    spec = specs["added"]
    # running totals from 2021: 120, then 120 + 80 = 200; January-October 2023 adds to 2022's total: 200 + 150 = 350,
    # a hollow ring at 2023 - 0.5 + (0 + 10) / 24 = 2022.916667 on the same axis, with no number written beside it
    assert chart_rows(spec) == [
        ("全市", "全年数字", "2021年", 2021, 120, 120, "120", True),
        ("全市", "全年数字", "2022年", 2022, 200, 80, "200", True),
        ("全市", "阶段性数字（年内累计）", "2023年1—10月", 2022.916667, 350, 150, "", False),
        ("示例东区", "全年数字", "2021年", 2021, 50, 50, "", True),
        ("示例东区", "全年数字", "2022年", 2022, 80, 30, "", True),
        ("按进度应达", "按进度应达", "2020年", 2020, 0, None, "", True),
        ("按进度应达", "按进度应达", "2021年", 2021, 400, None, "", True),
        ("按进度应达", "按进度应达", "2022年", 2022, 800, None, "", True),
        ("按进度应达", "按进度应达", "2023年", 2023, 1200, None, "", True),
        ("目标", "目标值", "2023年", 2023, 1200, 1200, "", False),
    ]
    assert spec["title"]["subtitle"] == [
        "2021年起累计（家）", "状态：严重滞后", "目标：2021—2023年累计不低于1200家", "空心圈：阶段性数字（年内累计），不决定状态"]
    assert [lay["name"] for lay in spec["layer"]] == ["year-edges", "path", "lines", "points", "numbers"]
    assert layer(spec, "year-edges")["data"] == {"values": [{"x": 2019.5}, {"x": 2020.5}, {"x": 2021.5}, {"x": 2022.5}, {"x": 2023.5}]}
    assert layer(spec, "path")["mark"]["strokeDash"] == [6, 4]
    shape = layer(spec, "points")["encoding"]["shape"]["scale"]
    assert shape == {"domain": ["全年数字", "阶段性数字（年内累计）", "目标值"], "range": ["circle", RING, "diamond"]}
    color = layer(spec, "points")["encoding"]["color"]["scale"]
    assert color["domain"] == ["全市", "示例东区", "按进度应达", "目标"]
    assert layer(spec, "numbers")["encoding"]["text"] == {"field": "label", "type": "nominal"}
    # one y scale for every mark: the axis holds the part-year figure too
    assert {lay["encoding"]["y"]["field"] for lay in spec["layer"] if "y" in lay.get("encoding", {})} == {"value"}
    assert text_alternative(spec) == (
        "示例新增企业。全市全年2021年起累计：2021年120家、2022年200家；阶段性数字（年内累计）（空心圈）：2023年1—10月350家；"
        "另有示例东区的数字；目标：2023年1200家。状态：严重滞后。")


def test_cumulative_figure_that_cannot_be_added_up_is_a_square_on_its_own():
    # 2021 missing: the 2022 addition cannot be totalled; drawn at its own value, not joined, a square in the legend
    spec = one_chart("cumulative", [(2023, ">=", 60)], {"2022": 25})
    assert chart_rows(spec)[0] == ("全市", "全年数字（缺以前年份，未累计）", "2022年", 2022, 25, 25, "25", False)
    assert layer(spec, "points")["encoding"]["shape"]["scale"]["range"][0] == "square"


def test_no_chart_while_every_figure_lies_before_the_plan_began():
    # a 2020 count cannot be added to a 2021-2023 total: the chart would hold only the planned path and the target
    assert one_chart("cumulative", [(2023, ">=", 60)], {"2020": 5}) is None


def test_annual_chart_draws_each_years_threshold_from_the_first_target_year():
    spec = one_chart("annual", [(2021, ">=", 500), (2022, ">=", 500), (2023, ">=", 500)], {"2021": 520, "2022": 480}, unit="台")
    assert chart_rows(spec) == [
        ("全市", "全年数字", "2021年", 2021, 520, 520, "520", True),
        ("全市", "全年数字", "2022年", 2022, 480, 480, "480", True),
        ("按进度应达", "按进度应达", "2021年", 2021, 500, None, "", True),
        ("按进度应达", "按进度应达", "2022年", 2022, 500, None, "", True),
        ("按进度应达", "按进度应达", "2023年", 2023, 500, None, "", True),
        ("目标", "目标值", "2021年", 2021, 500, 500, "", False),
        ("目标", "目标值", "2022年", 2022, 500, 500, "", False),
        ("目标", "目标值", "2023年", 2023, 500, 500, "", False),
    ]
    assert spec["title"]["subtitle"] == ["单位：台", "状态：未达成", "目标：2021—2023年每年不低于500台"]


def test_average_growth_chart_draws_yearly_rates_and_names_part_year_growth_as_not_an_average():
    spec = one_chart("average_growth", [(2023, ">=", 15)], {"2021": 20, "2022": 8, "2023-H1": 10}, unit="%")
    assert chart_rows(spec) == [
        ("全市", "全年数字", "2021年", 2021, 20, 20, "20%", True),
        ("全市", "全年数字", "2022年", 2022, 8, 8, "8%", True),
        ("全市", "阶段性数字（同比，非年均）", "2023年上半年", 2022.75, 10, 10, "", False),
        ("按进度应达", "按进度应达", "2021年", 2021, 15, None, "", True),
        ("按进度应达", "按进度应达", "2022年", 2022, 15, None, "", True),
        ("按进度应达", "按进度应达", "2023年", 2023, 15, None, "", True),
        ("目标", "目标值", "2023年", 2023, 15, 15, "", False),
    ]
    assert spec["title"]["subtitle"] == ["当年增长率（%），虚线为目标年均增速", "状态：进度滞后",
                                         "目标：2021—2023年年均增长不低于15%", "空心圈：阶段性数字（同比，非年均），不决定状态"]
    assert layer(spec, "points")["encoding"]["y"]["scale"] == {"zero": True}


def test_reduction_chart_draws_the_fall_so_far_against_the_compounded_path():
    # falls of 2% and 2.5%: 2.0 so far, then 1 - 0.98 * 0.975 = 4.45%; the path 1 - 0.896^(n/3):
    # 0, 3.594309, 7.059428, 10.4 (%)
    spec = one_chart("reduction", [(2023, ">=", 10.4)], {"2021": 2.0, "2022": 2.5}, direction="decrease", unit="%")
    assert chart_rows(spec) == [
        ("全市", "全年数字", "2021年", 2021, 2, 2, "2%", True),
        ("全市", "全年数字", "2022年", 2022, 4.45, 2.5, "4.45%", True),
        ("按进度应达", "按进度应达", "2020年", 2020, 0, None, "", True),
        ("按进度应达", "按进度应达", "2021年", 2021, 3.594309, None, "", True),
        ("按进度应达", "按进度应达", "2022年", 2022, 7.059428, None, "", True),
        ("按进度应达", "按进度应达", "2023年", 2023, 10.4, None, "", True),
        ("目标", "目标值", "2023年", 2023, 10.4, 10.4, "", False),
    ]
    assert spec["title"]["subtitle"][:2] == ["比2020年累计下降（%）", "状态：进度滞后"]


def test_share_chart_keeps_a_part_year_share_as_a_hollow_point_on_the_axis():
    spec = one_chart("share", [(2023, ">=", 50)], {"2022": 40, "2023-H1": 45}, unit="%")
    assert chart_rows(spec)[:2] == [
        ("全市", "全年数字", "2022年", 2022, 40, 40, "40", True),
        ("全市", "阶段性数字（季度、半年或月度）", "2023年上半年", 2022.75, 45, 45, "", False),
    ]
    assert layer(spec, "points")["encoding"]["y"]["scale"] == {"zero": False}


def test_milestone_chart_has_no_path_and_an_axis_of_done_or_not():
    spec = one_chart("milestone", [(2023, "=", 1)], {"2021": 0, "2022": 1}, unit="是/否")
    assert chart_rows(spec) == [
        ("全市", "全年数字", "2021年", 2021, 0, 0, "", True),
        ("全市", "全年数字", "2022年", 2022, 1, 1, "", True),
        ("目标", "目标值", "2023年", 2023, 1, 1, "", False),
    ]
    y = layer(spec, "points")["encoding"]["y"]
    assert y["scale"] == {"domain": [-0.2, 1.25]}
    assert y["axis"] == {"labelExpr": "datum.value == 1 ? '已实现' : '未实现'", "values": [0, 1]}
    assert spec["title"]["subtitle"] == ["是否实现", "状态：已达成", "目标：2023年前实现"]
    assert text_alternative(spec) == "示例指标。全市全年数字：2021年未实现、2022年已实现；目标：2023年实现。状态：已达成。"


def test_an_ended_plans_chart_speaks_the_report_card():
    spec = one_chart("cumulative", [(2023, ">=", 1200)], {"2021": 120, "2022": 80}, today=datetime.date(2026, 12, 6))
    assert spec["title"]["subtitle"][1] == "状态：无法判断"
    assert text_alternative(spec).endswith("状态：无法判断。")


@pytest.mark.parametrize("period, x", [
    ("2022", 2022),  # on its tick
    ("2022-Q1", 2021.625),  # 2022 - 0.5 + (0 + 3) / 24: inside the 2022 band (2021.5-2022.5), not in 2021's
    ("2023-H1", 2022.75),  # 2023 - 0.5 + (0 + 6) / 24
    ("2023-01..02", 2022.583333),  # 2023 - 0.5 + (0 + 2) / 24
    ("2022-Q4", 2022.375),  # 2022 - 0.5 + (9 + 12) / 24: still left of the band's edge at 2022.5
])
def test_a_period_sits_inside_its_year(period, x):
    assert round(charts.indicator._x(parse_period(period)), 6) == x


def test_every_text_is_at_least_14_px_on_a_390_px_phone(specs, rendered):
    # the 440 px chart is shown 358 px wide on a 390 px phone: 18 px * 358 / 440 = 14.6 px; 17 px would be 13.8 px
    assert (charts.WIDTH, charts.TEXT) == (440, 18)
    for name, spec in specs.items():
        sizes = re.findall(r"'(?:fontSize|labelFontSize|titleFontSize|subtitleFontSize)': (\d+)", repr(spec))
        assert sizes and min(int(size) for size in sizes) >= 18, name
    result, _ = rendered
    for name, path in result.items():
        sizes = [float(size) for size in re.findall(r'font-size="([\d.]+)px"', path.read_text(encoding="utf-8"))]
        assert sizes and min(sizes) >= 18, name


def test_dashboard(specs):
    spec = specs["dashboard"]
    # added: 200 / 1200 = 0.166667 of the target, 2/3 expected; tax: (112 - 100) / 30 = 0.4, 2/3 expected
    assert [(r["name"], r["status"], r["achieved"], r["expected"], r["bar"]) for r in charts.chart_rows(spec)] == [
        ("示例新增企业", "严重滞后", 0.166667, 0.666667, 0.166667),
        ("示例亩均税收", "进度滞后", 0.4, 0.666667, 0.4),
    ]
    assert [r["text"] for r in charts.chart_rows(spec)] == [
        "严重滞后：已完成目标的17%，按进度应完成67%", "进度滞后：已完成目标的40%，按进度应完成67%"]
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks == ["bar", "bar", "rule", "tick", "text", "text"]
    assert spec["layer"][1]["encoding"]["color"]["scale"] == {  # the reader's words, as the badges beside say them
        "domain": ["已达成", "符合进度", "进度滞后", "严重滞后", "未达成", "仅有阶段性数字，尚无全年数字", "已有公开数字，尚不能判断",
                   "暂无公开数字"],
        "range": ["#009E73", "#0072B2", "#E69F00", "#D55E00", "#CC79A7", "#E8C872", "#999999", "#BBBBBB"],
    }
    assert text_alternative(spec) == (
        "2项核心指标中，进度滞后1项、严重滞后1项。示例新增企业：严重滞后：已完成目标的17%，按进度应完成67%。"
        "示例亩均税收：进度滞后：已完成目标的40%，按进度应完成67%。")


def test_an_ended_plans_dashboard_has_no_pace():
    spec = build_specs(compute_progress(small_package(), datetime.date(2026, 12, 6)))["dashboard"]
    # A report card: each share says the year of the figures it stands on (both end in 2022, a year short), and
    # the title speaks of the share achieved, not of progress.
    assert [r["text"] for r in charts.chart_rows(spec)] == ["无法判断：到2022年已完成目标的17%", "无法判断：到2022年已完成目标的40%"]
    assert spec["title"]["text"] == ["核心指标已完成目标的比例"]
    assert spec["title"]["subtitle"] == ["条形：已完成目标的比例；虚线：目标"]
    assert text_alternative(spec) == ("2项核心指标中，无法判断2项。示例新增企业：无法判断：到2022年已完成目标的17%。"
                                      "示例亩均税收：无法判断：到2022年已完成目标的40%。")
    # its download has no column for the pace an ended plan no longer shows
    assert spec["usermeta"]["csv"] == [["name", "指标"], ["status", "状态"], ["achieved", "已完成目标的比例"], ["text", "说明"]]


def test_dashboard_draws_only_headline_indicators_with_a_status():
    package = small_package()
    package.tables["observations"] = [o for o in package.tables["observations"] if o["indicator_id"] != "added"]
    spec = build_specs(compute_progress(package, RUNNING))["dashboard"]
    # 示例新增企业 has no figure left: no empty bar for it
    assert [(r["name"], r["status"], r["achieved"]) for r in charts.chart_rows(spec)] == [("示例亩均税收", "进度滞后", 0.4)]
    assert text_alternative(spec) == (
        "2项核心指标中，1项有全年数字（图中只画这些），进度滞后1项。示例亩均税收：进度滞后：已完成目标的40%，按进度应完成67%。")


def test_no_dashboard_while_no_headline_indicator_has_a_status():
    package = small_package()
    package.tables["observations"] = []
    assert list(build_specs(compute_progress(package, RUNNING))) == ["status-by-group", "status-by-unit"]


def test_status_counts_by_group_and_lead_unit(specs):
    assert [(r["group"], r["status"], r["count"]) for r in charts.chart_rows(specs["status-by-group"])] == [
        ("示例攻坚行动", "进度滞后", 1), ("示例攻坚行动", "严重滞后", 1), ("示例攻坚行动", "暂无公开数字", 1)]
    # 示例局 leads action-1-1 (added, tax); 示例办 supports it and leads action-1-2 (none)
    assert [(r["group"], r["status"], r["count"]) for r in charts.chart_rows(specs["status-by-unit"])] == [
        ("示例局", "进度滞后", 1), ("示例局", "严重滞后", 1), ("示例办", "暂无公开数字", 1)]
    assert rows(specs["status-by-unit"], group="示例局")[0]["summary"] == "进度滞后 1，严重滞后 1"
    assert text_alternative(specs["status-by-unit"]) == "统计各单位牵头任务下的量化指标，共3项：示例局2项（进度滞后1，严重滞后1）；示例办1项（暂无公开数字1）。"


def test_a_long_row_text_wraps_and_the_row_grows_with_it():
    from scripts.website.charts.look import LINE_HEIGHT, row_lines, row_step

    text = "示例指标：" + "很长的名称" * 20  # 105 characters at 18 px: 1890 px, in lines of at most 424 px (23 characters)
    lines = row_lines(text).split("\n")
    assert [len(line) for line in lines] == [23, 23, 23, 23, 13]
    assert row_step([{"a": row_lines(text), "b": "短"}], "a", "b") == 2 * (12 + 7 + 5 * LINE_HEIGHT) + 8


def test_specs_are_valid_vega_lite_with_inline_data(specs):
    for name, spec in specs.items():
        alt.LayerChart.from_dict(copy.deepcopy(spec), validate=True)
        assert "url" not in repr(spec), name
        assert spec["config"]["font"] == "WenQuanYi Micro Hei, sans-serif"
        assert spec["width"] == 440


def test_chart_csv(specs):
    lines = chart_csv(specs["added"]).splitlines()
    assert lines[0] == "系列,类型,时期,图中数值,公开数字"
    assert "全市,阶段性数字（年内累计）,2023年1—10月,350,150" in lines
    assert "按进度应达,按进度应达,2021年,400," in lines


# ---- rendering -------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def rendered(specs, tmp_path_factory):
    out = tmp_path_factory.mktemp("charts")
    result = render_charts(specs, out / "svg", out / "cache")
    return result, out


def test_svg_has_chinese_text_and_the_font(rendered):
    result, _ = rendered
    svg = result["added"].read_text(encoding="utf-8")
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert "示例新增企业" in texts  # the title, as text (not boxes, not paths)
    assert "200" in texts  # the 2022 total above its point
    assert re.search(r"<tspan[^>]*>状态：严重滞后</tspan>", svg)  # the subtitle's 2nd line
    assert 'font-family="WenQuanYi Micro Hei, sans-serif"' in svg
    assert svg.startswith("<svg") and 'width="440"' in svg


def test_svg_carries_its_text_alternative(rendered, specs):
    result, _ = rendered
    svg = result["tax"].read_text(encoding="utf-8")
    alt_text = text_alternative(specs["tax"])
    assert f'role="img" aria-label="{alt_text}"' in svg
    assert f"<title>{alt_text}</title>" in svg


def test_svg_has_no_external_url(rendered):
    result, _ = rendered
    for path in result.values():
        svg = path.read_text(encoding="utf-8")
        without_namespaces = re.sub(r'xmlns(:\w+)?="[^"]*"', "", svg)
        assert not re.search(r"https?:|url\(|href=", without_namespaces), path.name


def test_cache_redraws_only_a_changed_spec(specs, tmp_path):
    first = render_charts(specs, tmp_path / "svg", tmp_path / "cache")
    assert (sorted(first.rendered), first.reused) == (sorted(specs), [])
    again = render_charts(specs, tmp_path / "svg", tmp_path / "cache")
    assert (again.rendered, sorted(again.reused)) == ([], sorted(specs))
    changed = copy.deepcopy(specs)
    edited = changed["tax"]["datasets"]["rows"][1]  # one figure edited: only its chart changes
    assert (edited["period"], edited["label"]) == ("2022年", "112")
    edited["value"], edited["label"] = 113, "113"
    third = render_charts(changed, tmp_path / "svg", tmp_path / "cache")
    assert third.rendered == ["tax"]
    assert len(third.reused) == len(specs) - 1
    assert ">113<" in (tmp_path / "svg" / "tax.svg").read_text(encoding="utf-8")
    assert "新绘制 1 张" in third.summary()


def test_parallel_rendering_gives_the_same_files(specs, tmp_path, monkeypatch, rendered):
    monkeypatch.setattr(rendering, "PARALLEL_FROM", 2)
    result = render_charts(specs, tmp_path / "svg", tmp_path / "cache", workers=2)
    serial, _ = rendered
    assert sorted(result.rendered) == sorted(specs)
    for name in specs:
        assert result[name].read_bytes() == serial[name].read_bytes(), name


def test_a_chart_drawn_from_its_compiled_shape_is_the_chart_compiled_whole(specs):
    """rendering.to_vega compiles a shape once and puts each chart's data, titles and text alternative into it."""
    import vl_convert as vlc

    tax = specs["tax"]
    other = copy.deepcopy(tax)  # the same shape: other rows, title, subtitle and text alternative
    other["title"] = {"text": "另一项示例指标", "subtitle": ["单位：家", "第二行"]}
    other["description"] = "另一项示例指标（虚构）"
    other["datasets"]["rows"] = [{**row, "value": row["value"] * 2} for row in tax["datasets"]["rows"]]
    rendering._compiled_shape.cache_clear()
    for name, spec in {**specs, "other": other}.items():
        spec = rendering.clean_text(spec)
        drawn = vlc.vega_to_svg(rendering.to_vega(spec), allowed_base_urls=[])
        assert drawn == vlc.vegalite_to_svg(spec, allowed_base_urls=[]), name
    assert ">另一项示例指标<" in drawn and ">第二行<" in drawn
    assert rendering._compiled_shape.cache_info().hits >= 1  # "other" was drawn from the shape of "tax"


def test_a_shape_whose_placeholders_do_not_come_out_as_they_went_in_is_compiled_whole(specs, monkeypatch):
    compile_whole = rendering.vlc.vegalite_to_vega

    def retitling(spec):  # a compiler that rewrites every title: a chart's own title could not be put into its shape
        vega = compile_whole(spec)
        vega["title"]["text"] = "改写"
        return vega

    monkeypatch.setattr(rendering.vlc, "vegalite_to_vega", retitling)
    rendering._compiled_shape.cache_clear()
    try:
        assert rendering.to_vega(specs["tax"])["title"]["text"] == "改写"  # what compiling the whole chart gives
    finally:
        rendering._compiled_shape.cache_clear()


def test_render_site_charts_writes_svg_and_csv(tmp_path):
    package = small_package()
    alts = render_site_charts(compute_progress(package, RUNNING), tmp_path / "charts", tmp_path / "cache")
    assert sorted(alts) == sorted(["added", "tax", "dashboard", "status-by-group", "status-by-unit"])
    assert alts["tax"].startswith("示例亩均税收。")
    for name in alts:
        assert (tmp_path / "charts" / f"{name}.svg").exists()
        assert (tmp_path / "charts" / f"{name}.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert len(alts.render.rendered) == 5


def test_an_interim_only_chart_says_what_has_been_published_not_no_data():
    spec = one_chart("cumulative", [(2023, ">=", 380)], {"2023-01..10": 192})
    assert text_alternative(spec) == ("示例指标。阶段性数字（年内累计）（空心圈）：2023年1—10月192家；目标：2023年380家。"
                                      "状态：仅有阶段性数字（1 个），尚无全年数字。")
    assert spec["title"]["subtitle"][1] == "状态：仅有阶段性数字（1 个），尚无全年数字"


def test_status_counts_use_the_reader_words_of_the_tables_beside_them():
    package = small_package()
    package.tables["observations"] = [o for o in package.tables["observations"] if o["indicator_id"] != "added"]
    package.tables["observations"].append(obs("added", "2023-01..10", 150))
    spec = build_specs(compute_progress(package, RUNNING))["status-by-group"]
    assert [(r["status"], r["count"]) for r in charts.chart_rows(spec)] == [
        ("进度滞后", 1), ("仅有阶段性数字，尚无全年数字", 1), ("暂无公开数字", 1)]
    colors = spec["layer"][0]["encoding"]["color"]["scale"]
    assert colors["domain"][-3:] == ["仅有阶段性数字，尚无全年数字", "已有公开数字，尚不能判断", "暂无公开数字"]
    assert colors["range"][-3:] == ["#E8C872", "#999999", "#BBBBBB"]


def test_a_long_area_name_is_wrapped_for_the_legend_and_stays_itself_in_the_data():
    from scripts.website.charts.look import legend_name

    name = "Quzhou Zhizao New City Management Committee of the Economic Development Zone"
    assert legend_name(name) == "Quzhou Zhizao New City Management \nCommittee of the Economic Development Zone"
    assert legend_name(name).replace("\n", "") == name  # the chart's CSV and text alternative: the name as written
