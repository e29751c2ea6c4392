"""scripts.website.charts: what each spec draws, the SVG it renders to, and the render cache.

The package is tiny, in memory and fictional; the expected rows are worked out by hand in the comments.
"""

import copy
import json
import re
from pathlib import Path

import altair as alt
import pytest

from scripts.core.package import Package
from scripts.core.periods import parse_period
from scripts.progress.method import compute_progress
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
    return build_specs(package, compute_progress(package))


def rows(spec, **where):
    return [r for r in charts.chart_rows(spec) if all(r.get(k) == v for k, v in where.items())]


def points(spec, **where):
    return [(r["x"], r["value"]) for r in rows(spec, **where)]


# ---- specs -----------------------------------------------------------------------------------------------------


def test_one_chart_per_indicator_with_figures_and_three_overviews(specs):
    # "none" has no figure at all: no chart (its page says 暂无公开数据)
    assert list(specs) == ["added", "tax", "dashboard", "status-by-group", "status-by-unit"]


def test_cumulative_chart_draws_running_totals_path_target_and_areas(specs):
    spec = specs["added"]
    # running totals from 2021: 120, then 120 + 80 = 200
    assert points(spec, series="全市", type="全年数字") == [(2021, 120), (2022, 200)]
    # 2023 January-October: the middle of its months inside the 2023 band, 2023 - 0.5 + (0 + 10) / 24; its value
    # 200 + 150 = 350 so far is written, not placed against the path: it is marked apart, its label above the plot
    # (one label: lane height 28 px above the plot's top, plus half a text height, 10 px: -18 px) and running
    # leftwards from its line (the right half of 2020-2023)
    assert points(spec, series="全市", type="阶段性数字") == [(2022.916667, 350)]
    interim = rows(spec, type="阶段性数字")[0]
    assert (interim["label"], interim["place"], interim["lane_y"], interim["side"]) == ("截至2023年1—10月：350", "apart", -18, "left")
    # another area is its own series, totalled the same way: 50, 50 + 30 = 80
    assert points(spec, series="示例东区", type="全年数字") == [(2021, 50), (2022, 80)]
    # the planned path from zero: 1200 * (year - 2020) / 3
    assert points(spec, series="按进度应达") == [(2020, 0), (2021, 400), (2022, 800), (2023, 1200)]
    assert points(spec, series="目标") == [(2023, 1200)]
    assert spec["title"] == {"text": "示例新增企业", "subtitle": [
        "2021年起累计（家）；状态：严重滞后", "竖点线：阶段性数字（季度、半年、月度），只写出数字，", "不与进度线比较，不决定状态"]}


def test_indicator_chart_marks(specs):
    layers = specs["added"]["layer"]
    assert [layer["mark"]["type"] for layer in layers] == [
        "rule",  # the edges of the years' bands
        "rule", "text", "text",  # interim figures apart: a dotted line up to a label (running right or left)
        "line", "line", "point", "text", "text", "text"]  # path, figures, points, their labels
    # the bands' edges: half a year either side of each tick 2020-2023, as their own data
    assert layers[0]["data"] == {"values": [{"x": 2019.5}, {"x": 2020.5}, {"x": 2021.5}, {"x": 2022.5}, {"x": 2023.5}]}
    assert layers[1]["mark"]["strokeDash"] == [2, 3]
    assert layers[1]["encoding"]["y"] == {"field": "lane_y", "type": "quantitative", "scale": None, "axis": None}  # pixels
    assert layers[4]["mark"]["strokeDash"] == [6, 4]  # the planned path is dashed
    assert layers[6]["transform"][0]["filter"]["and"][1] == "(datum.place !== 'apart')"  # no point for a figure apart
    shape = layers[6]["encoding"]["shape"]["scale"]
    assert shape == {"domain": ["全年数字", "目标值"], "range": ["circle", "diamond"]}  # no interim point in a total's chart
    color = layers[6]["encoding"]["color"]["scale"]
    assert color["domain"] == ["全市", "示例东区", "按进度应达", "目标"]


def test_a_share_chart_keeps_interim_figures_as_hollow_points():
    # a share over half a year is the target's own measure: a ring on the chart at its value, labelled below it
    package = small_package()
    package.tables["indicators"][1]["target_kind"] = "share"
    package.tables["observations"].append(obs("tax", "2023-H1", 120))
    spec = build_specs(package, compute_progress(package))["tax"]
    assert [(r["x"], r["value"], r["place"], r["label"]) for r in rows(spec, type="阶段性数字")] == [
        (2022.75, 120, "below", "2023年上半年：120")]  # 2023 - 0.5 + 6 / 24
    layers = spec["layer"]
    assert [layer["mark"]["type"] for layer in layers] == ["rule", "line", "line", "point", "text", "text", "text"]  # nothing apart
    shape = layers[3]["encoding"]["shape"]["scale"]
    assert shape == {"domain": ["全年数字", "阶段性数字", "目标值"], "range": ["circle", RING, "diamond"]}


@pytest.mark.parametrize("period, x", [
    ("2022", 2022),  # on its tick
    ("2022-Q1", 2021.625),  # 2022 - 0.5 + (0 + 3) / 24: inside the 2022 band (2021.5-2022.5), not in 2021's
    ("2023-H1", 2022.75),  # 2023 - 0.5 + (0 + 6) / 24
    ("2023-01..02", 2022.583333),  # 2023 - 0.5 + (0 + 2) / 24
    ("2022-Q4", 2022.375),  # 2022 - 0.5 + (9 + 12) / 24: still left of the band's edge at 2022.5
])
def test_a_period_sits_inside_its_year(period, x):
    assert round(charts.indicator._x(parse_period(period)), 6) == x


def test_every_text_is_at_least_11_px_on_a_390_px_phone(specs, rendered):
    # the 640 px chart is shown 358 px wide on a 390 px phone: 20 px * 358 / 640 = 11.19 px; 19 px would be 10.6 px
    assert charts.TEXT == 20
    for name, spec in specs.items():
        sizes = re.findall(r"'(?:fontSize|labelFontSize|titleFontSize|subtitleFontSize)': (\d+)", repr(spec))
        assert sizes and min(int(size) for size in sizes) >= 20, name
    result, _ = rendered
    for name, path in result.items():
        sizes = [float(size) for size in re.findall(r'font-size="([\d.]+)px"', path.read_text(encoding="utf-8"))]
        assert sizes and min(sizes) >= 20, name


def test_level_chart_path_starts_at_the_baseline(specs):
    spec = specs["tax"]
    assert points(spec, series="全市", type="全年数字") == [(2020, 100), (2022, 112)]
    # baseline 100 to 130 over 2020-2023: 110 in 2021, 120 in 2022
    assert points(spec, series="按进度应达") == [(2020, 100), (2021, 110), (2022, 120), (2023, 130)]
    assert text_alternative(spec) == "示例亩均税收。全市全年数字：2020年100万元、2022年112万元；目标：2023年130万元。状态：进度滞后。"


def test_indicator_text_alternative_states_the_numbers(specs):
    assert text_alternative(specs["added"]) == (
        "示例新增企业。全市全年2021年起累计：2021年120家、2022年200家；"
        "阶段性数字（竖点线，只写出数字，不与进度线比较）：截至2023年1—10月：350（单位：家）；"
        "另有示例东区的数字；目标：2023年1200家。状态：严重滞后。")


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
    assert spec["layer"][1]["encoding"]["color"]["scale"] == {
        "domain": ["已达成", "符合进度", "进度滞后", "严重滞后", "未达成", "暂无数据"],
        "range": ["#009E73", "#0072B2", "#E69F00", "#D55E00", "#CC79A7", "#BBBBBB"],
    }
    assert text_alternative(spec) == (
        "2项核心指标中，进度滞后1项、严重滞后1项。示例新增企业：严重滞后：已完成目标的17%，按进度应完成67%。"
        "示例亩均税收：进度滞后：已完成目标的40%，按进度应完成67%。")


def test_dashboard_draws_only_headline_indicators_with_a_status():
    package = small_package()
    package.tables["observations"] = [o for o in package.tables["observations"] if o["indicator_id"] != "added"]
    spec = build_specs(package, compute_progress(package))["dashboard"]
    # 示例新增企业 has no figure left (暂无数据): no empty bar for it
    assert [(r["name"], r["status"], r["achieved"]) for r in charts.chart_rows(spec)] == [("示例亩均税收", "进度滞后", 0.4)]
    assert spec["height"] == charts.ROW_STEP  # one row
    assert text_alternative(spec) == (
        "2项核心指标中，1项已可判断状态（图中只画这些），进度滞后1项。示例亩均税收：进度滞后：已完成目标的40%，按进度应完成67%。")


def test_no_dashboard_while_no_headline_indicator_has_a_status():
    package = small_package()
    package.tables["observations"] = []
    assert list(build_specs(package, compute_progress(package))) == ["status-by-group", "status-by-unit"]


def test_status_counts_by_group_and_lead_unit(specs):
    assert [(r["group"], r["status"], r["count"]) for r in charts.chart_rows(specs["status-by-group"])] == [
        ("示例攻坚行动", "进度滞后", 1), ("示例攻坚行动", "严重滞后", 1), ("示例攻坚行动", "暂无公开数字", 1)]
    # 示例局 leads action-1-1 (added, tax); 示例办 supports it and leads action-1-2 (none)
    assert [(r["group"], r["status"], r["count"]) for r in charts.chart_rows(specs["status-by-unit"])] == [
        ("示例局", "进度滞后", 1), ("示例局", "严重滞后", 1), ("示例办", "暂无公开数字", 1)]
    assert rows(specs["status-by-unit"], group="示例局")[0]["summary"] == "进度滞后 1，严重滞后 1"
    assert text_alternative(specs["status-by-unit"]) == "统计各单位牵头任务下的量化指标，共3项：示例局2项（进度滞后1，严重滞后1）；示例办1项（暂无公开数字1）。"


def test_specs_are_valid_vega_lite_with_inline_data(specs):
    for name, spec in specs.items():
        alt.LayerChart.from_dict(copy.deepcopy(spec), validate=True)
        assert "url" not in repr(spec), name
        assert spec["config"]["font"] == "WenQuanYi Micro Hei, sans-serif"
        assert spec["width"] == 640


def test_chart_csv(specs):
    lines = chart_csv(specs["added"]).splitlines()
    assert lines[0] == "系列,类型,时期,图中数值,公开数字"
    assert "全市,阶段性数字,2023年1—10月,350,150" in lines
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
    assert "截至2023年1—10月：350" in texts
    assert re.search(r"<tspan[^>]*>竖点线：阶段性数字（季度、半年、月度），只写出数字，</tspan>", svg)  # the subtitle's 2nd line
    assert 'font-family="WenQuanYi Micro Hei, sans-serif"' in svg
    assert svg.startswith("<svg") and 'width="640"' in svg


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
    alts = render_site_charts(package, compute_progress(package), tmp_path / "charts", tmp_path / "cache")
    assert sorted(alts) == sorted(["added", "tax", "dashboard", "status-by-group", "status-by-unit"])
    assert alts["tax"].startswith("示例亩均税收。")
    for name in alts:
        assert (tmp_path / "charts" / f"{name}.svg").exists()
        assert (tmp_path / "charts" / f"{name}.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert len(alts.render.rendered) == 5


def test_an_interim_only_chart_says_what_has_been_published_not_no_data(pinned_shipped):
    from scripts.core.package import read_package
    from scripts.progress.method import compute_progress

    package = read_package(pinned_shipped)
    results = compute_progress(package)
    spec = indicator_chart(package, results["national-high-tech-enterprises"])
    assert text_alternative(spec).endswith("状态：仅有阶段性数字（1 个），尚无全年数字。")
    assert "2021年起累计（家）；状态：仅有阶段性数字（1 个），尚无全年数字" in json.dumps(spec, ensure_ascii=False)


def test_status_counts_use_the_reader_words_of_the_tables_beside_them(pinned_shipped):
    from scripts.core.package import read_package

    package = read_package(pinned_shipped)
    spec = build_specs(package, compute_progress(package))["status-by-group"]
    counts = {}
    for r in charts.chart_rows(spec):
        counts[r["status"]] = counts.get(r["status"], 0) + r["count"]
    # 51 indicators belong to tasks (the 11 headline targets the plan gives no task are not in any group); two of them,
    # 新增国家高新技术企业 and 省科技型中小企业, have only interim figures.
    assert counts == {"仅有阶段性数字，尚无全年数字": 2, "暂无公开数字": 49}
    colors = spec["layer"][0]["encoding"]["color"]["scale"]
    assert colors["domain"][-3:] == ["仅有阶段性数字，尚无全年数字", "已有公开数字，尚不能判断", "暂无公开数字"]
    assert colors["range"][-3:] == ["#E8C872", "#999999", "#BBBBBB"]
