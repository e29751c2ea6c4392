"""Charts of statuses: the headline dashboard and the counts by action group and by lead unit."""

from __future__ import annotations

import altair as alt

from scripts.core.words import DASHBOARD_TITLES
from scripts.progress.results import IndicatorResult, Results
from scripts.website.charts.look import (
    SHARE_AXIS_MAX,
    _finish,
    _row_texts,
    _status_color_encoding,
    row_lines,
    row_step,
)


def dashboard_chart(results: Results) -> dict | None:
    """One bar per headline indicator that has a status: the share of its target achieved, a tick at the share
    expected by now. None when no headline indicator has one: rows of empty bars would say nothing."""
    headline = [r for r in results.values() if r.indicator.get("headline")]
    judged = [r for r in headline if r.status != "no_data"]
    if not judged:
        return None
    rows = []
    for r in judged:
        achieved = r.achieved_share
        expected = r.expected_share if r.status not in ("achieved", "not_achieved") and not results.ended else None
        rows.append({
            "name": r.indicator["name"], "status": r.reader.label,
            "achieved": None if achieved is None else round(achieved, 6),
            "expected": None if expected is None else round(expected, 6),
            "bar": None if achieved is None else round(min(max(achieved, 0), SHARE_AXIS_MAX), 6),
            "text": _dashboard_text(r, pace=not results.ended),
        })
        rows[-1].update(name_lines=row_lines(rows[-1]["name"]), text_lines=row_lines(rows[-1]["text"]))
    labels = results.status_labels
    counts = results.count_statuses(r.indicator_id for r in judged)
    judged_text = "" if len(judged) == len(headline) else f"{len(judged)}项有全年数字（图中只画这些），"
    description = (f"{len(headline)}项核心指标中，{judged_text}" + "、".join(f"{labels[c]}{n}项" for c, n in counts.items() if n) + "。"
                   + "".join(f"{row['name']}：{row['text']}。" for row in rows if row["achieved"] is not None))
    y = alt.Y("name:N", sort=None, axis=None)
    x = alt.X("bar:Q", title=None, scale=alt.Scale(domain=[0, SHARE_AXIS_MAX], nice=False),
              axis=alt.Axis(format=".0%", values=[0, 0.25, 0.5, 0.75, 1], orient="top", grid=True))
    base = alt.Chart().encode(y=y)
    layers = [
        base.mark_bar(height=14, color="#eeeeee").encode(x=alt.datum(0), x2=alt.datum(1)),  # the track: 0-100%
        base.mark_bar(height=14).encode(x=x, x2=alt.datum(0), color=_status_color_encoding(labels)),
        alt.Chart().mark_rule(strokeDash=[4, 3], color="#000000").encode(x=alt.datum(1)),
        base.mark_tick(color="#000000", thickness=3, size=24).encode(x=alt.X("expected:Q")),
        *_row_texts(base, "name_lines:N", "text_lines:N"),
    ]
    return _finish(
        layers, rows, height=max(len(rows), 1) * row_step(rows, "name_lines", "text_lines"), title=DASHBOARD_TITLES["ended" if results.ended else "running"],
        subtitle=(["条形：已完成目标的比例；虚线：目标"] if results.ended else
                  ["条形：已完成目标的比例；黑色短线：按进度此时应完成的比例；", "虚线：目标"]), description=description,
        csv_columns=[["name", "指标"], ["status", "状态"], ["achieved", "已完成目标的比例"],
                     *([] if results.ended else [["expected", "按进度应完成的比例"]]), ["text", "说明"]],
    )


def _dashboard_text(r: IndicatorResult, pace: bool) -> str:
    label = r.reader.label
    if r.achieved_share is None:  # e.g. a level decided by its final year without a baseline
        return f"{label}：{r.measure_text or r.value_text(r.latest_value)}"
    return f"{label}：{r.kind.achievement_text(r, pace)}"


def status_by_group_chart(results: Results) -> dict:
    """Indicators in each status, per group of tasks (攻坚行动, 政策措施, ...)."""
    catalog = results.catalog
    groups = []
    for _, group, tasks in catalog.groups():
        ids = [i["id"] for t in tasks for i in catalog.indicators_of_task[t["id"]]]
        if ids:
            groups.append((group, ids))
    return _status_counts_chart(results, "各行动指标状态", "按任务所属行动统计的量化指标", groups, "行动")


def status_by_unit_chart(results: Results) -> dict:
    """Indicators in each status, per lead unit (over the indicators of the tasks it leads)."""
    catalog = results.catalog
    units = [(u["name"], [i["id"] for i in catalog.indicators_led_by(u["id"])]) for u in catalog.units.values()]
    return _status_counts_chart(results, "各牵头单位指标状态", "统计各单位牵头任务下的量化指标", [u for u in units if u[1]], "牵头单位")


def _status_counts_chart(results: Results, title: str, subtitle: str, groups: list[tuple[str, list[str]]], what: str) -> dict:
    """Stacked bars of how many indicators stand where, in the reader's words (the tables beside say the same)."""
    status_labels = results.status_labels
    rows, sentences = [], []
    order = {code: i for i, code in enumerate(status_labels)}
    for name, ids in groups:
        counts = results.count_statuses(ids)
        summary = "，".join(f"{status_labels[c]} {n}" for c, n in counts.items() if n)
        sentences.append(f"{name}{len(ids)}项（{summary.replace(' ', '')}）")
        for code, n in counts.items():
            if n:
                rows.append({"group": name, "title": row_lines(f"{name}（{len(ids)}项）"), "status": status_labels[code],
                             "order": order[code], "count": n, "summary": row_lines(summary)})
    y = alt.Y("group:N", sort=None, axis=None)
    most = max((len(ids) for _, ids in groups), default=1)
    x = alt.X("count:Q", stack="zero", title=None, scale=alt.Scale(domain=[0, most]),
              axis=alt.Axis(orient="top", values=list(range(0, most + 1, max(1, -(-most // 8)))), format="d", title="指标数"))
    base = alt.Chart().encode(y=y)
    labels = base.transform_aggregate(title="min(title)", summary="min(summary)", groupby=["group"])  # one per row
    layers = [
        base.mark_bar(height=14).encode(x=x, color=_status_color_encoding(status_labels), order=alt.Order("order:Q")),
        *_row_texts(labels, "title:N", "summary:N"),
    ]
    total = sum(len(ids) for _, ids in groups)
    return _finish(
        layers, rows, height=max(len(groups), 1) * row_step(rows, "title", "summary"), title=title, subtitle=[subtitle],
        description=f"{subtitle}，共{total}项：" + "；".join(sentences) + "。" if groups else f"{subtitle}：暂无。",
        csv_columns=[["group", what], ["status", "状态"], ["count", "指标数"]],
    )
