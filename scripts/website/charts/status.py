"""Charts of statuses: the headline dashboard and the counts by action group and by lead unit."""

from __future__ import annotations

import altair as alt

from scripts.core.package import Package
from scripts.core.revisions import current_observations
from scripts.core.words import (
    MILESTONE_DONE,
    READER_STATUS_LABELS,
    STATUS_LABELS,
    number,
)
from scripts.progress.method import (
    IndicatorProgress,
    count_statuses,
)
from scripts.progress.standing import standing
from scripts.website.catalog import build_catalog
from scripts.website.charts.look import (
    ROW_STEP,
    SHARE_AXIS_MAX,
    _finish,
    _row_texts,
    _status_color_encoding,
)


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
        return f"{label}：{MILESTONE_DONE if achieved >= 1 else '尚未实现'}"
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
    return _status_counts_chart(package, "各行动指标状态", "按任务所属行动统计的量化指标", groups, results, "行动")


def status_by_unit_chart(package: Package, results: dict[str, IndicatorProgress]) -> dict:
    """Indicators in each status, per lead unit (over the indicators of the tasks it leads)."""
    catalog = build_catalog(package)
    units = [(u["name"], [i["id"] for i in catalog.indicators_led_by(u["id"])]) for u in catalog.units.values()]
    return _status_counts_chart(package, "各牵头单位指标状态", "统计各单位牵头任务下的量化指标", [u for u in units if u[1]], results, "牵头单位")


def _status_counts_chart(package: Package, title: str, subtitle: str, groups: list[tuple[str, list[str]]], results: dict,
                        what: str) -> dict:
    """Stacked bars of how many indicators stand where, in the reader's words (the tables beside say the same)."""
    areas: dict[str, list[str]] = {}
    for o in current_observations(package):
        areas.setdefault(o["indicator_id"], []).append(o["area_id"])
    rows, sentences = [], []
    order = {code: i for i, code in enumerate(READER_STATUS_LABELS)}
    for name, ids in groups:
        counts = dict.fromkeys(READER_STATUS_LABELS, 0)
        for i in ids:
            counts[standing(results.get(i), areas.get(i, [])).group] += 1
        summary = "，".join(f"{READER_STATUS_LABELS[c]} {n}" for c, n in counts.items() if n)
        sentences.append(f"{name}{len(ids)}项（{summary.replace(' ', '')}）")
        for code, n in counts.items():
            if n:
                rows.append({"group": name, "title": f"{name}（{len(ids)}项）", "status": READER_STATUS_LABELS[code],
                             "order": order[code], "count": n, "summary": summary})
    y = alt.Y("group:N", sort=None, axis=None)
    most = max((len(ids) for _, ids in groups), default=1)
    x = alt.X("count:Q", stack="zero", title=None, scale=alt.Scale(domain=[0, most]),
              axis=alt.Axis(orient="top", values=list(range(0, most + 1, max(1, -(-most // 8)))), format="d", title="指标数"))
    base = alt.Chart().encode(y=y)
    labels = base.transform_aggregate(title="min(title)", summary="min(summary)", groupby=["group"])  # one per row
    layers = [
        base.mark_bar(height=14).encode(x=x, color=_status_color_encoding(READER_STATUS_LABELS), order=alt.Order("order:Q")),
        *_row_texts(labels, "title:N", "summary:N"),
    ]
    total = sum(len(ids) for _, ids in groups)
    return _finish(
        layers, rows, height=max(len(groups), 1) * ROW_STEP, title=title, subtitle=[subtitle],
        description=f"{subtitle}，共{total}项：" + "；".join(sentences) + "。" if groups else f"{subtitle}：暂无。",
        csv_columns=[["group", what], ["status", "状态"], ["count", "指标数"]],
    )
