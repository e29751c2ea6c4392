"""How every chart looks: fonts and sizes readable on a phone, colours, shapes, and the shared spec finish."""

from __future__ import annotations

import math

import altair as alt

from scripts.core.words import CANNOT_JUDGE, INTERIM_ONLY, NO_FIGURE, STATUS_LABELS, UNDECIDED

FONT = "WenQuanYi Micro Hei, sans-serif"  # installed at build time (fonts-wqy-microhei); readers fall back to sans-serif
WIDTH = 640
# On a 390 px phone the theme leaves the chart 358 px (measured in Chromium): the SVG is drawn at 358/640 of its size,
# so text of TEXT px is read at TEXT * 358 / 640 px. Every text is at least TEXT: 11 px or more on that phone.
PHONE_CHART_WIDTH, PHONE_MIN_TEXT = 358, 11
TEXT = math.ceil(PHONE_MIN_TEXT * WIDTH / PHONE_CHART_WIDTH)  # 20
TITLE_TEXT = TEXT + 4
# Interim figures of most kinds (Kind.interim_apart) are marked apart, as a dotted line at their time with their number
# written above the plot, never drawn against the y axis of the planned path.
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
    # no_data as readers are told it (the badges in docs/assets/board.css): interim figures only, undecided, none
    INTERIM_ONLY: "#E8C872",
    UNDECIDED: "#999999",
    NO_FIGURE: "#BBBBBB",
    CANNOT_JUDGE: "#999999",  # an ended plan's target that cannot be judged
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



def _row_texts(base, title_field: str, text_field: str) -> list:
    """A row's name just above its bar and its status in words just below."""
    return [
        base.mark_text(align="left", baseline="bottom", dy=-10, fontSize=TEXT, fontWeight="bold").encode(x=alt.datum(0), text=alt.Text(title_field)),
        base.mark_text(align="left", baseline="top", dy=10, fontSize=TEXT, color="#222222").encode(x=alt.datum(0), text=alt.Text(text_field)),
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
