"""Formatted pieces that several page types share: status badges, links, targets in words, tables and charts."""

from __future__ import annotations

from scripts.core.periods import parse_period
from scripts.core.words import COMPARATOR_WORDS, REPORT_STATUS_LABELS, STATUS_LABELS, number
from scripts.progress.method import count_statuses
from scripts.site import markup as m
from scripts.site.pages.context import SiteContext
from scripts.site.pages.page import Page, area_path, href, indicator_path, task_path, unit_path


def status(ctx: SiteContext, indicator_id: str) -> str:
    code = ctx.status_code(indicator_id)
    return m.status_badge(code, STATUS_LABELS[code])


def indicator_link(page: Page, indicator: dict) -> str:
    return m.link(indicator["name"], href(page, indicator_path(indicator["id"])))


def task_link(page: Page, task: dict) -> str:
    return m.link(f"{task['number']} {task['title']}", href(page, task_path(task["id"])))


def unit_link(page: Page, unit: dict) -> str:
    return m.link(unit["name"], href(page, unit_path(unit["id"])))


def area_link(ctx: SiteContext, page: Page, area_id: str) -> str:
    return m.link(ctx.catalog.areas[area_id]["name"], href(page, area_path(area_id)))


def target_text(ctx: SiteContext, indicator: dict) -> str:
    """The targets in words, e.g. 2021—2023年累计不低于1200家；每年不低于500台."""
    plan = ctx.catalog.package.plan
    targets = ctx.catalog.targets_of[indicator["id"]]
    kind, unit = indicator["target_kind"], indicator["unit"]
    if kind == "milestone":
        return m.text("；".join(f"{t['year']}年前实现" for t in targets))
    if kind in ("annual", "share") and len(targets) > 1 and len({(t["value"], t["comparator"]) for t in targets}) == 1:
        t = targets[0]
        years = f"{targets[0]['year']}—{targets[-1]['year']}年"
        return m.text(f"{years}每年{COMPARATOR_WORDS[t['comparator']]}{number(t['value'])}{unit}")
    words = {
        "cumulative": lambda t: f"{plan.get('start_year')}—{t['year']}年累计{COMPARATOR_WORDS[t['comparator']]}{number(t['value'])}{unit}",
        "average_growth": lambda t: f"{plan.get('start_year')}—{t['year']}年年均增长{COMPARATOR_WORDS[t['comparator']]}{number(t['value'])}{unit}",
        "reduction": lambda t: f"到{t['year']}年比{plan.get('base_year')}年累计下降{COMPARATOR_WORDS[t['comparator']]}{number(t['value'])}{unit}",
    }
    phrase = words.get(kind, lambda t: f"{t['year']}年{COMPARATOR_WORDS[t['comparator']]}{number(t['value'])}{unit}")
    return m.text("；".join(phrase(t) for t in targets))


def status_counts(ctx: SiteContext, indicator_ids: list[str]) -> str:
    counts = count_statuses(ctx.status_code(i) for i in indicator_ids)
    parts = [f"{m.status_badge(code, label)} {counts.get(code, 0)}" for code, label in STATUS_LABELS.items() if counts.get(code)]
    return " ".join(parts) if parts else "—"


def indicator_table(ctx: SiteContext, page: Page, indicators: list[dict], *, caption: str | None = None) -> str:
    rows = []
    for ind in indicators:
        result = ctx.progress.get(ind["id"])
        latest = "—"
        if result and result.latest_period:
            latest = m.text(f"{number(result.latest_value)}{ind['unit']}（{parse_period(result.latest_period).label}）")
        rows.append([indicator_link(page, ind), target_text(ctx, ind), latest, status(ctx, ind["id"])])
    return m.table(["指标", "目标", "最新全年数字", "状态"], rows, caption=caption)


def chart(ctx: SiteContext, page: Page, name: str, caption: str) -> str:
    if name not in ctx.charts:
        return ""
    alt = ctx.charts[name]
    img = f'<img src="{m.text(href(page, f"charts/{name}.svg"))}" alt="{m.text(alt)}" loading="lazy">'
    return (
        f'<figure class="chart">{img}<figcaption>{m.text(caption)}：{m.text(alt)} '
        f'{m.link("下载图表数据（CSV）", href(page, f"charts/{name}.csv"))}</figcaption></figure>'
    )


def reports_block(ctx: SiteContext, page: Page, reports: list[dict], *, by: str) -> str:
    """Reports the units published themselves, beside (never instead of) the computed status."""
    c = ctx.catalog
    heading = m.heading(2, "单位自报进展", "reports")
    if not reports:
        return m.block(heading, "<p>暂无责任单位发布的进展报告。</p>")
    rows = []
    for r in reports:
        who = unit_link(page, c.units[r["unit_id"]]) if by == "unit" else task_link(page, c.tasks[r["task_id"]])
        rows.append([
            m.text(parse_period(r["period"]).label), who,
            m.status_badge("report-" + r["reported_status"], REPORT_STATUS_LABELS[r["reported_status"]]),
            m.text(r["summary"]), m.source_link("来源", r["source_url"]),
            m.text(r["published"].isoformat() if r.get("published") else "未注明"),
        ])
    header = ["时期", "单位" if by == "unit" else "任务", "自报状态", "摘要", "来源", "发布日期"]
    return m.block(heading, "<p>以下为单位自己报告的状态，与上方按公开数字计算的状态并列，不代替后者。</p>") + "\n\n" + m.table(header, rows)
