"""Chart text: any Unicode a cell can hold reaches vl-convert only as drawable text, and chart CSVs are Excel-safe."""

import pytest

from scripts.website.charts import chart_csv, clean_text, render_svg


def spec(title: str) -> dict:
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "description": f"示例图表：{title}",
        "title": title,
        "data": {"values": [{"name": title, "value": 1.5}, {"name": "=1+1", "value": -5.0}]},
        "mark": "bar",
        "encoding": {"x": {"field": "name", "type": "nominal"}, "y": {"field": "value", "type": "quantitative"}},
        "usermeta": {"csv": [["name", "名称"], ["value", "数值"]]},
    }


@pytest.mark.parametrize("odd", ["\uffff", "\ufffe", "\ufdd0", "\U0010ffff", "\x85", "\x07", "\ud800"])
def test_text_vl_convert_cannot_take_is_replaced(odd):
    assert clean_text({"title": f"万{odd}元", "list": [f"{odd}"], "n": 1}) == {"title": "万\ufffd元", "list": ["\ufffd"], "n": 1}


def test_a_unit_name_with_u_ffff_renders():
    svg = render_svg(spec("亩均税收（万\uffff元）"))
    assert svg.startswith("<svg")
    assert "万\ufffd元" in svg
    assert "\uffff" not in svg


def test_chart_csv_quotes_formula_cells_but_not_negative_numbers():
    assert chart_csv(spec("示例")) == "名称,数值\n示例,1.5\n'=1+1,-5\n"
