"""The page of one task: the plan's words, its responsible units, its targets and the units' own reports."""

from __future__ import annotations

from markupsafe import Markup

from scripts.core.words import RELATED_TARGETS_LABEL, ROLE_LABELS, SECTION_LABELS
from scripts.website import markup as m
from scripts.website.pages import pieces as p
from scripts.website.pages.context import SiteContext
from scripts.website.pages.page import Page, join


def task_page(ctx: SiteContext, task: dict) -> Page:
    c = ctx.catalog
    page = Page(f"tasks/{task['id']}.md", f"{task['number']} {task['title']}", "")
    lead = c.lead_of(task["id"])
    roles = []
    for role in ("lead", "support", "responsible_body"):
        units = c.units_by_role(task["id"], role)
        if units:
            links = m.html_join((p.unit_link(page, u) for u in units), "、")
            item = Markup("<strong>{}</strong>：{}").format(m.text(ROLE_LABELS[role]), links)
            roles.append(m.tag("li", item, class_="lead" if role == "lead" else None))
    parts = [
        m.block(
            Markup('<p class="meta">{} · 原文序号 {}</p>').format(
                m.text(" · ".join(dict.fromkeys([SECTION_LABELS[task["section"]], task["group"]]))), m.text(task["number"])
            ),
            Markup('<p class="lead-unit">牵头单位：<strong>{}</strong></p>').format(p.unit_link(page, lead) if lead else "未列明"),
            m.heading(2, "方案原文", "clause"),
            Markup('<blockquote class="clause"><p><strong>{}。</strong>{}</p><p>{}</p></blockquote>').format(
                m.text(task["title"]), m.text(task["text"]), m.text(task["responsibility_text"])
            ),
            m.heading(2, "责任单位", "units"),
            m.tag("ul", m.html_join(roles)),
        )
    ]
    indicators = c.indicators_of_task[task["id"]]
    if indicators:
        parts.append(m.block(m.heading(2, "量化目标", "indicators"), m.tag("p", p.status_counts(ctx, [i["id"] for i in indicators]))))
        parts.append(p.indicator_table(ctx, page, indicators))
    else:
        parts.append(m.block(m.heading(2, "量化目标", "indicators"), Markup("<p>方案没有为这项任务定量化目标。</p>")))
    parts.append(related_targets_block(ctx, page, task))
    parts.append(p.reports_block(ctx, page, c.reports_of_task[task["id"]], by="unit"))
    description = f"{page.title}（{task['group']}）：牵头单位{lead['name'] if lead else '未列明'}。{task['text'][:80]}"
    return Page(page.path, page.title, join(parts), description)


def related_targets_block(ctx: SiteContext, page: Page, task: dict) -> Markup:
    """The headline targets the site relates to this task (the plan assigns them to no task), with the reasons."""
    related = ctx.related_targets(task["id"])
    if not related:
        return m.EMPTY
    items = m.html_join(
        Markup("<li>{} {}<br><small>{}</small></li>").format(p.indicator_link(page, ind), p.status(ctx, ind["id"]), m.text(reason))
        for ind, reason in related
    )
    return m.block(
        m.heading(2, RELATED_TARGETS_LABEL, "related-targets"),
        Markup("<p>方案在“实施目标”中提出下列核心指标，没有把它们分给某项任务；本站认为这项任务与它们相关，方案本身没有这样写。</p>"),
        m.tag("ul", items, class_="editorial"),
    )
