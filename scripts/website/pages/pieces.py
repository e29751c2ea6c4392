"""Formatted pieces that several page types share: status badges, links, targets in words, tables and charts."""

from __future__ import annotations

import re

from markupsafe import Markup

from scripts.core.package import CITY_AREA
from scripts.core.periods import parse_period
from scripts.core.words import RELATED_TASKS_LABEL, REPORT_STATUS_LABELS, ROLE_LABELS, number
from scripts.progress.kinds import describe_targets
from scripts.website import markup as m
from scripts.website.pages.context import SiteContext
from scripts.website.pages.page import Page, area_path, href, indicator_path, task_path, unit_path


def status(ctx: SiteContext, indicator_id: str) -> Markup:
    standing = ctx.standing(indicator_id)
    return m.status_badge(standing.group, standing.label)


def indicator_link(page: Page, indicator: dict) -> Markup:
    return m.link(indicator["name"], href(page, indicator_path(indicator["id"])))


def task_link(page: Page, task: dict) -> Markup:
    return m.link(f"{task['number']} {task['title']}", href(page, task_path(task["id"])))


def unit_link(page: Page, unit: dict) -> Markup:
    return m.link(unit["name"], href(page, unit_path(unit["id"])))


def area_link(ctx: SiteContext, page: Page, area_id: str) -> Markup:
    return m.link(ctx.catalog.areas[area_id]["name"], href(page, area_path(area_id)))


def target_text(ctx: SiteContext, indicator: dict) -> Markup:
    """The targets in words, escaped for HTML."""
    return m.text(target_words(ctx, indicator))


def target_words(ctx: SiteContext, indicator: dict) -> str:
    """The targets in words (plain text), as the method says them, e.g. 2021—2023年每年不低于三分之一（约33.33%）."""
    return describe_targets(indicator, ctx.catalog.targets_of[indicator["id"]], ctx.catalog.package.plan)


def status_counts(ctx: SiteContext, indicator_ids: list[str]) -> Markup:
    """The reader statuses that occur, each with its count (they add up to the number of indicators)."""
    counts = ctx.standing_counts(indicator_ids)
    parts = [
        Markup('<span class="count">{} {}</span>').format(m.status_badge(code, label), counts[code])
        for code, label in ctx.status_labels().items()
        if counts[code]
    ]
    return m.html_join(parts, " ") if parts else Markup("—")


def latest_figure(ctx: SiteContext, ind: dict) -> Markup:
    """The latest city figure published, with its period; an interim one says so."""
    city = [o for o in ctx.catalog.observations_of[ind["id"]] if o["area_id"] == CITY_AREA]
    if not city:
        return Markup("—")
    # observations_of is in period-end order; at the same end a full year is the more telling figure.
    latest = max(city, key=lambda o: (parse_period(o["period"]).end, parse_period(o["period"]).full_year))
    period = parse_period(latest["period"])
    return m.text(f"{number(latest['value'])}{ind['unit']}（{period.label}{'' if period.full_year else '，阶段性'}）")


def lead_cell(ctx: SiteContext, page: Page, ind: dict) -> Markup:
    """Who answers for the target: the lead of its task, or for a headline target the leads of related tasks."""
    lead = ctx.lead_of_indicator(ind)
    if lead:
        return unit_link(page, lead)
    leads = []
    for task, _reason in ctx.related_tasks(ind["id"]):
        unit = ctx.catalog.lead_of(task["id"])
        if unit and unit not in leads:
            leads.append(unit)
    if not leads:
        return Markup('<span class="unassigned">方案未单列</span>')
    links = m.html_join((unit_link(page, u) for u in leads), "、")
    return Markup('{}<br><small class="editorial">{}</small>').format(links, m.text(RELATED_TASKS_LABEL))


def indicator_table(ctx: SiteContext, page: Page, indicators: list[dict], *, caption: str | None = None) -> Markup:
    rows = [
        [indicator_link(page, ind), target_text(ctx, ind), lead_cell(ctx, page, ind), latest_figure(ctx, ind), status(ctx, ind["id"])]
        for ind in indicators
    ]
    return m.table(["指标", "目标", ROLE_LABELS["lead"], "最新公开数字", "状态"], rows, caption=caption)


# Sentences written for whoever enters data ("2021年填15…") or grading sources ("可靠性B"): not for readers.
_ENTRY_WORDS = re.compile(r"填\d|填写|填报|可靠性[A-Z]")
_OPENING, _CLOSING = "“（(《「", "”）)》」"


def reader_note(note: str | None) -> str:
    """A note as readers see it: sentences (and clauses) about data entry or source grading are left out."""
    if not note:
        return ""
    pieces, depth, start = [], 0, 0
    for position, char in enumerate(note):
        depth += (char in _OPENING) - (char in _CLOSING)
        if char in "。；" and depth <= 0:
            pieces.append(note[start: position + 1])
            start = position + 1
    pieces.append(note[start:])
    kept: list[str] = []
    for piece in filter(None, pieces):
        if not _ENTRY_WORDS.search(piece):
            kept.append(piece)
        elif kept and piece.endswith("。") and kept[-1].endswith("；"):
            kept[-1] = kept[-1][:-1] + "。"  # the dropped sentence ended the one before it
    return "".join(kept).strip()


def chart(ctx: SiteContext, page: Page, name: str, caption: str) -> Markup:
    if name not in ctx.charts:
        return m.EMPTY
    alt = ctx.charts[name]
    img = Markup('<img src="{}" alt="{}" loading="lazy">').format(m.text(href(page, f"charts/{name}.svg")), m.text(alt))
    return Markup('<figure class="chart">{}<figcaption>{}：{} {}</figcaption></figure>').format(
        img, m.text(caption), m.text(alt), m.link("下载图表数据（CSV）", href(page, f"charts/{name}.csv"))
    )


def reports_block(ctx: SiteContext, page: Page, reports: list[dict], *, by: str) -> Markup:
    """Reports the units published themselves, beside (never instead of) the computed status."""
    c = ctx.catalog
    heading = m.heading(2, "单位自报进展", "reports")
    if not reports:
        return m.block(heading, Markup("<p>暂无责任单位发布的进展报告。</p>"))
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
    intro = Markup("<p>以下为单位自己报告的状态，与上方按公开数字计算的状态并列，不代替后者。</p>")
    return m.block(heading, intro) + "\n\n" + m.table(header, rows)


def tasks_by_group(ctx: SiteContext, page: Page, tasks: list[dict]) -> Markup:
    """Many tasks in a few lines: one line per action or section, each task as its plan number."""
    lines = []
    for _section, group, group_tasks in ctx.catalog.groups():
        ids = {t["id"] for t in tasks}
        links = [
            m.link(t["number"], href(page, task_path(t["id"])), title=t["title"])
            for t in group_tasks
            if t["id"] in ids
        ]
        if links:
            lines.append(Markup("<li><strong>{}</strong>：{}</li>").format(m.text(group), m.html_join(links, "、")))
    return Markup('<ul class="compact">{}</ul>').format(m.html_join(lines))
