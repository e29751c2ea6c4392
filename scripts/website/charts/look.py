"""How every chart looks: fonts and sizes readable on a phone, colours, shapes, and the shared spec finish."""

from __future__ import annotations

import math

import altair as alt

from scripts.core.words import CANNOT_JUDGE, INTERIM_ONLY, NO_FIGURE, STATUS_LABELS, UNDECIDED
from scripts.website.chartfont import FONT_FAMILY

FONT = f"{FONT_FAMILY}, sans-serif"  # installed at build time (fonts-wqy-microhei); readers fall back to sans-serif
WIDTH = 440  # the whole image, padding included; on a desk it is shown at this size
# On a 390 px phone the theme leaves the chart 358 px (measured in Chromium): the SVG is drawn at 358/440 of its size,
# so text of TEXT px is read at TEXT * 358 / 440 px. Every text is at least TEXT: 14 px or more on that phone.
PHONE_CHART_WIDTH, PHONE_MIN_TEXT = 358, 14
TEXT = math.ceil(PHONE_MIN_TEXT * WIDTH / PHONE_CHART_WIDTH)  # 18
TITLE_TEXT = TEXT + 4
LINE_HEIGHT = round(TEXT * 1.25)
PADDING = 8
INDICATOR_HEIGHT = 300
# Okabe-Ito, as the site's status badges (docs/assets/extra.css): colour-blind safe, and every bar also says its label.
STATUS_COLORS = {
    "achieved": "#009E73",
    "on_track": "#0072B2",
    "behind": "#E69F00",
    "off_track": "#D55E00",
    "not_achieved": "#CC79A7",
    "no_data": "#BBBBBB",
    # no_data as readers are told it (the badges in docs/assets/board.css): interim figures only, undecided, none
    INTERIM_ONLY: "#E8C872",
    UNDECIDED: "#999999",
    NO_FIGURE: "#BBBBBB",
    CANNOT_JUDGE: "#999999",  # an ended plan's target that cannot be judged
}
CITY_SERIES, PATH_SERIES, TARGET_SERIES = "全市", "按进度应达", "目标"
# The shapes' legend: a full-year figure, one that could not be added to the years before it, a target. A figure for
# part of a year is named by its kind (Kind.interim_words), as what it is: 阶段性数字（同比，非年均）.
FULL, FULL_ALONE, TARGET = "全年数字", "全年数字（缺以前年份，未累计）", "目标值"
CITY_COLOR, PATH_COLOR, TARGET_COLOR = "#222222", "#777777", "#000000"
# Paul Tol's muted scheme for the areas; each area line is also labelled with its name.
AREA_COLORS = ["#332288", "#117733", "#44AA99", "#88CCEE", "#DDCC77", "#CC6677", "#AA4499", "#882255", "#999933"]
# A ring drawn as one filled symbol (the inner circle winds the other way), so interim points and their
# legend entry are both hollow.
RING = "M-1,0A1,1,0,1,1,1,0A1,1,0,1,1,-1,0ZM-0.55,0A0.55,0.55,0,1,0,0.55,0A0.55,0.55,0,1,0,-0.55,0Z"
SHAPES = {FULL: "circle", FULL_ALONE: "square", "interim": RING, TARGET: "diamond"}
BAR_GAP = 12  # px between a bar and the text above or below it
SHARE_AXIS_MAX = 1.2  # the dashboard's x axis: 0-120% of the target; longer bars are cut there, their text says the rest
DATA_NAME = "rows"  # every chart's one inline dataset
# Shared look: the CJK font, and sizes that stay readable on a phone once the 640 px image is scaled down.
LOOK = {
    "background": "white",
    "padding": PADDING,
    "autosize": {"type": "fit-x", "contains": "padding"},
    "config": {
        "font": FONT,
        "aria": False,  # no per-mark labels ("x: 2021; value: 120"): the whole image has one text alternative
        "view": {"stroke": None},
        "axis": {"labelFontSize": TEXT, "titleFontSize": TEXT, "labelColor": "#333333", "gridColor": "#e5e5e5",
                 "domainColor": "#999999", "tickColor": "#999999"},
        # One entry a line: no label is ever cut short, however long (labelLimit is the whole width).
        "legend": {"orient": "bottom", "direction": "vertical", "columns": 1, "labelFontSize": TEXT,
                   "labelLimit": WIDTH, "rowPadding": 4,
                   # several legends below the chart go one under the other, each from the left edge
                   "layout": {"expr": "{'bottom': {'anchor': 'start', 'direction': 'vertical', 'margin': 6}}"}},
        "title": {"fontSize": TITLE_TEXT, "subtitleFontSize": TEXT, "subtitleColor": "#444444", "anchor": "start", "offset": 10,
                  "limit": WIDTH, "lineHeight": TITLE_TEXT + 6, "subtitleLineHeight": LINE_HEIGHT},
    },
}


# ---- text that fits ----------------------------------------------------------------------------------------------


# The advance widths of the charts' font (WenQuanYi Micro Hei) for the characters narrower than one em, read from the
# font file; every other character (Chinese, full-width marks, dashes and quotes) is one em wide.
_EM_PARTS = {"'": 0.226, ",": 0.25, "ijl": 0.259, " ": 0.26, ".:;·": 0.268, "!": 0.269, "J": 0.271, "()": 0.301,
             "[]": 0.303, "-": 0.322, "f": 0.329, "It": 0.339, "{}": 0.354, "/\\": 0.373, "r": 0.399, '"': 0.402,
             "_": 0.411, "?": 0.426, "z": 0.441, "s": 0.451, "c": 0.463, "v": 0.479, "y": 0.489, "FL": 0.491, "k": 0.496,
             "x–": 0.5, "g": 0.518, "ST": 0.519, "Y": 0.527, "E": 0.528, "a": 0.531, "^": 0.532, "e": 0.535, "Z": 0.539,
             "X": 0.547, "$*+0123456789<=>|~×÷≥≤": 0.551, "V": 0.568, "P": 0.576, "`o": 0.577, "K": 0.579,
             "bdpq": 0.586, "hnu": 0.589, "R": 0.59, "C": 0.603, "A": 0.608, "B": 0.621, "#": 0.646, "D": 0.684,
             "G": 0.69, "U": 0.698, "H": 0.701, "&": 0.702, "N": 0.729, "Q": 0.741, "O": 0.742, "w": 0.746, "%": 0.825,
             "@": 0.866, "M": 0.87, "W": 0.884, "m": 0.896}
EM = {char: width for chars, width in _EM_PARTS.items() for char in chars}


def text_width(text: str, size: int = TEXT) -> float:
    """The width of a line of text in px, as the charts' font draws it."""
    return size * sum(EM.get(char, 1.0) for char in text)


def wrap(text: str, width: float = WIDTH - 2 * PADDING, size: int = TEXT, *, keep: bool = False) -> list[str]:
    """The text in lines no wider than width, broken after punctuation where it can be (，；：、), else anywhere; a
    line break in the text (data may hold one) starts a new line. With keep, the spaces at a break stay, so that
    the lines joined are the text again (a name that is data)."""
    if "\n" in text:
        return [line for part in text.split("\n") for line in wrap(part, width, size, keep=keep)]
    lines, line = [], ""
    for char in text:
        if line and text_width(line + char, size) > width:
            cut = max(line.rfind(mark) for mark in "，；：、（ ")
            if cut > len(line) // 2:
                lines.append(line[: cut + 1] if keep else line[: cut + 1].rstrip())
                line = line[cut + 1:] if keep else line[cut + 1:].lstrip()
            else:
                lines.append(line)
                line = ""
        line += char
    return lines + [line] if line else lines


# ---- specs -----------------------------------------------------------------------------------------------------



LEGEND_TEXT_WIDTH = WIDTH - 2 * PADDING - 30  # px a legend's label may take beside its symbol


def legend_name(name: str) -> str:
    """A name as a legend shows it: in lines that fit beside the symbol (the legend splits it at the newlines)."""
    return "\n".join(wrap(name, LEGEND_TEXT_WIDTH, keep=True))  # without the newlines, the name as it is


def row_lines(text: str) -> str:
    """A bar chart's row text in lines that fit the width, for a text mark that breaks at newlines."""
    return "\n".join(wrap(text))


def row_step(rows: list[dict], above: str, below: str) -> int:
    """px per row of a bar chart: the bar, with the most lines any row has above it and below it (row_lines)."""
    lines = max((max(r[above].count("\n"), r[below].count("\n")) + 1 for r in rows), default=1)
    return 2 * (BAR_GAP + 7 + lines * LINE_HEIGHT) + 8


def _row_texts(base, title_field: str, text_field: str) -> list:
    """A row's name just above its bar and its status in words just below, each in as many lines as it needs."""
    text = {"fontSize": TEXT, "lineBreak": "\n", "lineHeight": LINE_HEIGHT, "align": "left"}
    return [
        base.mark_text(baseline="line-bottom", dy=-BAR_GAP, fontWeight="bold", **text).encode(x=alt.datum(0), text=alt.Text(title_field)),
        base.mark_text(baseline="line-top", dy=BAR_GAP, color="#222222", **text).encode(x=alt.datum(0), text=alt.Text(text_field)),
    ]


def _status_color_encoding(labels: dict[str, str] = STATUS_LABELS) -> alt.Color:
    """Bars coloured by status: the method's statuses, or the reader's (no_data split by what was published)."""
    return alt.Color("status:N", scale=alt.Scale(domain=list(labels.values()), range=[STATUS_COLORS[code] for code in labels]),
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
        # Lines that fit the width: a long name or subtitle wraps instead of running out of the image.
        "title": {"text": wrap(title, size=TITLE_TEXT), "subtitle": [line for part in subtitle for line in wrap(part)]},
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
