"""scripts.website.chartfont: a large batch of charts is drawn with the font cut to its characters, and every chart
comes out byte for byte as the installed font draws it."""

import contextlib

import pytest
from fontTools.ttLib import TTFont

from scripts.progress.results import compute_progress
from scripts.website import chartfont, rendering
from scripts.website.charts import build_specs
from tests.website.test_charts import RUNNING, small_package

FONT = "WenQuanYi Micro Hei, sans-serif"


def needs_font():
    if chartfont.font_folder() is None:
        pytest.fail("找不到 fonts-wqy-microhei：请运行 make setup（它会安装图表字体）。", pytrace=False)


def bar(title: str, labels: list[str], values: list[float], **legend) -> dict:
    """A fictional chart whose text is the hard part: labels as given, values (negative ones too) and a legend."""
    return {
        "title": {"text": title, "subtitle": ["示例副标题（虚构）", "目标：2023年不低于 3.5%"]},
        "description": f"{title}（虚构）",
        "width": 300, "height": 120,
        "config": {"font": FONT, "legend": {"labelLimit": 60, **legend}, "title": {"limit": 200}},
        "datasets": {"rows": [{"label": label, "value": value} for label, value in zip(labels, values)]},
        "data": {"name": "rows"},
        "mark": "bar",
        "encoding": {"x": {"field": "label", "type": "nominal", "title": None},
                     "y": {"field": "value", "type": "quantitative", "title": None, "axis": {"format": "~s"}},
                     "color": {"field": "label", "type": "nominal"}},
    }


HARD = {
    "negative-and-si": bar("负数与千分位", ["示例甲", "示例乙"], [-1250000.0, 0.000004]),
    "cut-legend": bar("很长的图例名称会被截断", ["示例衢州市智能制造产业集聚区管理委员会（虚构）", "示例乙"], [3.0, 4.0]),
    "rare-and-emoji": bar("生僻字𠀀与表情😀", ["𠀀𪚥", "😀", "Ünïcödé ½"], [1.0, 2.0, 3.0]),
    "noncharacter": bar("万\uffff元", ["\x07控制字符", "全角，标点；“引号”"], [5.0, 6.0]),
}


def test_the_characters_of_a_batch_are_all_its_text_and_what_vega_writes_itself():
    found = chartfont.characters([{"title": "衢州", "datasets": {"rows": [{"period": "2023年第一季度"}]}}])
    assert {"衢", "州", "年", "第", "季", "度"} <= found
    assert {"\u2212", "\u2026", "\u00b5", "\ufffd", "0", "9", "%", "k", "M", "e", "."} <= found
    assert "杭" not in found


def test_the_cut_font_is_the_charts_face_with_only_the_batchs_characters(tmp_path):
    needs_font()
    with chartfont.subset_folder([{"title": "衢州示例"}]) as folder:
        assert [p.name for p in folder.iterdir()] == ["chart-font-subset.ttf"]
        font = TTFont(str(folder / "chart-font-subset.ttf"))
        cmap = font.getBestCmap()
        assert font["name"].getDebugName(1) == "WenQuanYi Micro Hei"
        assert {ord("衢"), ord("州"), ord("示"), ord("例"), ord("A"), 0x2212} <= set(cmap)
        assert ord("杭") not in cmap  # in the installed face, not in this batch
        assert len(cmap) < 200  # of the installed face's ~28,000
    assert not folder.exists()  # gone with the batch


def test_without_the_installed_font_there_is_no_cut_copy(monkeypatch):
    monkeypatch.setattr(chartfont, "font_folder", lambda: None)
    with chartfont.subset_folder([{"title": "衢州"}]) as folder:
        assert folder is None


def test_a_batch_drawn_with_the_cut_font_is_byte_for_byte_what_the_installed_font_draws(tmp_path, monkeypatch):
    needs_font()
    specs = {**HARD, **build_specs(compute_progress(small_package(), RUNNING))}
    assert len(specs) == 9  # the four above, two indicator charts and three overviews of the small package
    alone = rendering.render_charts(specs, tmp_path / "one-by-one", tmp_path / "cache-1", workers=1)  # installed font, here
    monkeypatch.setattr(rendering, "PARALLEL_FROM", 2)  # a batch this small is cut too
    folders = []

    def recorded(batch):
        with chartfont.subset_folder(batch) as folder:
            folders.append(folder)
            yield folder

    monkeypatch.setattr(rendering, "subset_folder", contextlib.contextmanager(recorded))
    cut = rendering.render_charts(specs, tmp_path / "batch", tmp_path / "cache-2", workers=2)
    assert len(folders) == 1 and folders[0] is not None  # the workers were given the cut font
    assert sorted(cut.rendered) == sorted(specs)
    for name in specs:
        assert cut[name].read_bytes() == alone[name].read_bytes(), name
    negative = alone["negative-and-si"].read_text(encoding="utf-8")
    assert "\u22121.25M" in negative and "4µ" in negative  # the characters Vega wrote itself were in the cut font
    assert "\u2026" in alone["cut-legend"].read_text(encoding="utf-8")  # the cut legend name ends with an ellipsis
