"""Every chart of the built sites as a reader sees it on a phone: each text inside the image, none cut short, no two
texts on top of each other. The sites are the shipped package, the small fixture and the synthetic package whose
every free-text cell is long hostile text (the longest names and labels the charts meet)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import pytest

from scripts.website.charts.look import text_width

_SVG = "{http://www.w3.org/2000/svg}"
_TRANSLATE = re.compile(r"translate\(([-\d.e]+),\s*([-\d.e]+)\)")


@dataclass(frozen=True)
class Box:
    text: str
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box, slack: float = 1.0) -> bool:
        return (self.left < other.right - slack and other.left < self.right - slack
                and self.top < other.bottom - slack and other.top < self.bottom - slack)


def text_boxes(svg: str) -> tuple[float, float, list[Box]]:
    """The image's width and height and a box for every line of text (its baseline at the text's y, ascent 0.85 em
    and descent 0.15 em; widths as the chart code measures them)."""
    root = ET.fromstring(svg)
    boxes: list[Box] = []

    def walk(element, dx: float, dy: float) -> None:
        match = _TRANSLATE.search(element.get("transform", ""))
        if match:
            dx, dy = dx + float(match[1]), dy + float(match[2])
        if element.tag == f"{_SVG}text":
            size = float(element.get("font-size", "10px").rstrip("px"))
            anchor = element.get("text-anchor", "start")
            spans = element.findall(f"{_SVG}tspan") or [element]
            y = dy
            for span in spans:
                y += _em(span.get("dy"), size) if span is not element else 0
                line = span.text or ""
                width = text_width(line, round(size))
                left = dx - (width if anchor == "end" else width / 2 if anchor == "middle" else 0)
                boxes.append(Box(line, left, y - 0.85 * size, left + width, y + 0.15 * size))
            return
        for child in element:
            walk(child, dx, dy)

    walk(root, 0.0, 0.0)
    return float(root.get("width")), float(root.get("height")), [b for b in boxes if b.text.strip()]


def _em(value: str | None, size: float) -> float:
    if not value:
        return 0.0
    return float(value[:-2]) * size if value.endswith("em") else float(value)


def chart_files(*sites):
    return [path for site in sites for path in sorted((site.root / "charts").glob("*.svg"))]


@pytest.fixture(scope="module")
def every_chart(shipped_site, small_site, hostile_site):
    return chart_files(shipped_site, small_site, hostile_site)


def test_the_sites_have_charts_of_every_kind(every_chart):
    names = {path.stem for path in every_chart}
    assert {"dashboard", "status-by-group", "status-by-unit"} <= names
    assert len(every_chart) > 60  # the hostile synthetic package draws one per indicator with a figure


def test_every_text_lies_inside_its_image(every_chart):
    outside = []
    for path in every_chart:
        width, height, boxes = text_boxes(path.read_text(encoding="utf-8"))
        outside += [(path.name, b.text[:30]) for b in boxes
                    if b.left < -1 or b.right > width + 1 or b.top < -1 or b.bottom > height + 1]
    assert outside == []


def test_no_text_is_cut_short(every_chart):
    # Vega ends a label or title that exceeds its limit with an ellipsis; no data text here has one of its own.
    cut = [(path.name, text) for path in every_chart
           for text in re.findall(r">([^<>]*…)<", path.read_text(encoding="utf-8"))]
    assert cut == []


def test_no_two_texts_overlap(every_chart):
    clashes = []
    for path in every_chart:
        _, _, boxes = text_boxes(path.read_text(encoding="utf-8"))
        for i, first in enumerate(boxes):
            clashes += [(path.name, first.text[:20], second.text[:20]) for second in boxes[i + 1:] if first.overlaps(second)]
    assert clashes == []


def test_the_box_arithmetic():
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><g transform="translate(10,20)">'
           '<text text-anchor="middle" transform="translate(30,0)" font-size="18px">中文</text>'
           '<text transform="translate(0,10)" font-size="18px"><tspan>ab</tspan><tspan x="0" dy="22">c</tspan></text>'
           '</g></svg>')
    width, height, boxes = text_boxes(svg)
    assert (width, height) == (100, 50)
    # 中文: 36 px wide, centred on x = 40; baseline at y = 20: top 20 - 15.3, bottom 20 + 2.7
    assert [round(v, 2) for v in (boxes[0].left, boxes[0].top, boxes[0].right, boxes[0].bottom)] == [22.0, 4.7, 58.0, 22.7]
    # ab: (0.531 + 0.586) * 18 = 20.106 px from x = 10, baseline 30; c (0.463 em) on the next line, 22 px lower
    assert [(b.text, round(b.right, 2), round(b.top, 2)) for b in boxes[1:]] == [("ab", 30.11, 14.7), ("c", 18.33, 36.7)]
    assert boxes[0].overlaps(Box("x", 50, 10, 60, 20)) and not boxes[0].overlaps(Box("x", 58, 10, 60, 20))
