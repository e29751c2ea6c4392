"""scripts.website.rendering: the same spec gives the same bytes in any process, the cache keeps only what is used."""

import os
import subprocess
import sys

import pytest

from scripts.website import chartfont, rendering
from scripts.website.rendering import render_charts, render_svg, spec_key
from tests.conftest import ROOT


def spec(title: str, values: list[int]) -> dict:
    return {
        "title": title,
        "description": f"{title}：示例图表（虚构）",
        "width": 200, "height": 100,
        "config": {"font": "WenQuanYi Micro Hei, sans-serif"},
        "data": {"values": [{"年份": f"{2021 + i}年", "数值": v} for i, v in enumerate(values)]},
        "mark": "bar",
        "encoding": {"x": {"field": "年份", "type": "nominal"}, "y": {"field": "数值", "type": "quantitative"}},
    }


SPECS = {f"chart-{i}": spec(f"示例图表{i}", [i, i + 3, 2 * i + 1]) for i in range(6)}


def test_the_same_spec_gives_the_same_bytes_in_a_new_process(tmp_path):
    here = render_svg(SPECS["chart-1"])
    assert here == render_svg(SPECS["chart-1"])
    script = ("import sys, json; from scripts.website.rendering import render_svg; "
              "sys.stdout.buffer.write(render_svg(json.loads(sys.argv[1])).encode('utf-8'))")
    import json

    there = subprocess.run([sys.executable, "-c", script, json.dumps(SPECS["chart-1"], ensure_ascii=False)],
                           cwd=ROOT, capture_output=True, check=True).stdout.decode("utf-8")
    assert there == here
    assert "<title>示例图表1：示例图表（虚构）</title>" in here


def test_parallel_rendering_with_small_chunks_keeps_the_order(tmp_path, monkeypatch):
    serial = render_charts(SPECS, tmp_path / "serial", tmp_path / "cache-serial", workers=1)
    monkeypatch.setattr(rendering, "PARALLEL_FROM", 2)
    monkeypatch.setattr(rendering, "CHUNK", 1)  # six tasks for two workers, drawn with the font cut to these charts
    parallel = render_charts(SPECS, tmp_path / "parallel", tmp_path / "cache-parallel", workers=2)
    assert sorted(parallel.rendered) == sorted(SPECS)
    for name in SPECS:
        assert parallel[name].read_bytes() == serial[name].read_bytes(), name
        assert f">示例图表{name[-1]}<" in parallel[name].read_text(encoding="utf-8")


def test_the_cache_keeps_only_the_charts_of_the_last_build(tmp_path):
    cache = tmp_path / "cache"
    first = render_charts(SPECS, tmp_path / "svg", cache)
    assert first.pruned == 0
    assert sorted(p.name for p in cache.iterdir()) == sorted(f"{spec_key(s)}.svg" for s in SPECS.values())
    (cache / "left-by-an-interrupted-build.svg.tmp123").write_text("<svg", encoding="utf-8")
    kept = {"chart-0": SPECS["chart-0"], "chart-1": spec("示例图表1", [1, 4, 4])}  # one dropped, one changed
    again = render_charts(kept, tmp_path / "svg", cache)
    assert (again.rendered, again.reused) == (["chart-1"], ["chart-0"])
    assert again.pruned == 6  # four dropped charts, the old chart-1 and the partial file
    assert sorted(p.name for p in cache.iterdir()) == sorted(f"{spec_key(s)}.svg" for s in kept.values())


def test_the_chart_font_is_the_only_system_font_and_the_environment_is_left_as_it_was():
    folder = chartfont.font_folder()
    if folder is None:
        pytest.skip("fonts-wqy-microhei is not installed (make setup installs it)")
    assert (folder / "wqy-microhei.ttc").is_file()
    before = os.environ.get("FONTCONFIG_FILE")
    assert chartfont.use_chart_font() == folder
    assert os.environ.get("FONTCONFIG_FILE") == before
    svg = render_svg(SPECS["chart-2"])
    assert 'font-family="WenQuanYi Micro Hei, sans-serif"' in svg


def test_characters_vl_convert_cannot_take_are_drawn_as_replacement_characters():
    assert rendering.clean_text({"title": "万\uffff元", "list": ["\x07", "\ud800"], "n": 1}) == {
        "title": "万\ufffd元", "list": ["\ufffd", "\ufffd"], "n": 1}
    svg = render_svg(spec("亩均税收（万\uffff元）", [1, 2, 3]))
    assert ">亩均税收（万\ufffd元）<" in svg
