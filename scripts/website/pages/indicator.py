"""The page of one indicator: its status, target, the plan's words, the published figures and who is responsible."""

from __future__ import annotations

from markupsafe import Markup

from scripts.core.periods import parse_period
from scripts.core.revisions import CORRECTED, history
from scripts.core.words import (
    BASIS_LABELS,
    DATA_STATUS_LABELS,
    DIRECTION_LABELS,
    FIGURE_SOURCE_LABELS,
    KIND_LABELS,
    RELATED_TASKS_LABEL,
    REVISION_LABELS,
    REVISIONS_HEADING,
    ROLE_LABELS,
    STATUS_LABELS,
    WITHDRAWN_NOTE,
    number,
)
from scripts.website import markup as m
from scripts.website.pages import pieces as p
from scripts.website.pages.context import SiteContext
from scripts.website.pages.page import Page, join


def indicator_page(ctx: SiteContext, ind: dict) -> Page:
    c = ctx.catalog
    page = Page(f"indicators/{ind['id']}.md", ind["name"], "")
    task = c.tasks.get(ind.get("task_id") or "")
    note = p.reader_note(ind.get("note"))
    parts = [
        facts_table(ctx, page, ind, task),
        m.block(
            m.heading(2, "方案原文", "clause"),
            m.tag("blockquote", ind["clause"], class_="clause"),
            m.tag("p", note, class_="note") if note else "",
        ),
        m.block(m.heading(2, "进展", "progress"), p.chart(ctx, page, ind["id"], f"{ind['name']}：进展与目标")),
        figures_block(ctx, page, ind),
        revisions_block(ctx, page, ind),
        figure_source_block(ctx, ind),
        responsibility_block(ctx, page, ind, task),
    ]
    lead = ctx.lead_of_indicator(ind)
    description = f"{ind['name']}：{p.target_words(ctx, ind)}。牵头单位：{lead['name'] if lead else '方案未单列'}。状态：{ctx.standing(ind['id']).label}。"
    return Page(page.path, page.title, join(parts), description)


def facts_table(ctx: SiteContext, page: Page, ind: dict, task: dict | None) -> Markup:
    result = ctx.progress.get(ind["id"])
    facts = [
        ["状态", p.status(ctx, ind["id"]) + (Markup(" {}").format(m.text(result.note)) if result and result.note else "")],
        ["目标", p.target_text(ctx, ind)],
        [ROLE_LABELS["lead"], p.lead_cell(ctx, page, ind)],
        ["目标类型", m.text(f"{KIND_LABELS[ind['target_kind']]}（{DIRECTION_LABELS[ind['direction']]}）")],
        ["计量单位", m.text(ind["unit"])],
    ]
    if result and result.pace_ratio is not None:
        facts.append(["进度比", m.text(number(result.pace_ratio, 2))])
    if result and result.expected_by_now is not None:
        facts.append(["按进度应达", m.text(f"{number(result.expected_by_now)}{ind['unit']}")])
    if ind.get("headline"):
        facts.append(["类别", "核心指标（方案“实施目标”）"])
    if task:
        facts.append(["所属任务", p.task_link(page, task)])
    rows = m.html_join(Markup('<tr><th scope="row">{}</th><td>{}</td></tr>').format(m.text(k), m.text(v)) for k, v in facts)
    return m.block(Markup('<table class="facts"><tbody>{}</tbody></table>').format(rows))


def figures_block(ctx: SiteContext, page: Page, ind: dict) -> Markup:
    c = ctx.catalog
    observations = c.observations_of[ind["id"]]
    if not observations:
        return m.block(Markup(
            '<p class="no-data"><strong>暂无公开数据。</strong>截至数据版本 {}（{}），'
            "尚未收录到这项指标的公开发布数字。我们不估算、不补填；有公开来源后将在这里列出。</p>"
        ).format(m.text(c.package.version), m.text(c.as_of.isoformat())))
    rows = [
        [
            m.text(parse_period(o["period"]).label + ("" if parse_period(o["period"]).full_year else "（阶段性数字）")),
            p.area_link(ctx, page, o["area_id"]),
            m.text(f"{number(o['value'])}{ind['unit']}"),
            m.text(DATA_STATUS_LABELS[o["status"]]),
            m.source_link(o["source"], o["source_url"]),
            m.text(o["published"].isoformat() if o.get("published") else "未注明"),
            m.text(p.reader_note(o.get("note"))),
        ]
        for o in observations
    ]
    return m.table(["时期", "区域", "数值", "数据状态", "来源", "发布日期", "说明"], rows, caption="公开发布的数字")


def revisions_block(ctx: SiteContext, page: Page, ind: dict) -> Markup:
    """Each correction and withdrawal of this indicator's figures, dated, with its reason: 2024-03-01 更正：……"""
    items = []
    for revision, figure in history(ctx.catalog.package, ind["id"]):
        area = ctx.catalog.areas.get(revision["area_id"], {}).get("name", revision["area_id"])
        what = f"{area}{parse_period(revision['period']).label}的{DATA_STATUS_LABELS.get(revision['status'], '')}"
        if revision["action"] == CORRECTED:
            before = number(revision.get("previous_value"))
            after = f"{number(figure['value'])}{ind['unit']}" if figure else "—"
            said = f"{what}由 {before}{ind['unit']} 改为 {after}。"
        else:
            value = f" {number(figure['value'])}{ind['unit']}" if figure else ""
            said = f"{what}{value}{WITHDRAWN_NOTE}。"
        items.append(Markup("<li><strong>{} {}</strong>：{}原因：{}</li>").format(
            m.text(revision["date"].isoformat()), m.text(REVISION_LABELS[revision["action"]]), m.text(said), m.text(revision["reason"])))
    if not items:
        return m.EMPTY
    return m.block(m.heading(2, REVISIONS_HEADING, "revisions"), m.tag("ul", m.html_join(items), class_="revisions"))


def figure_source_block(ctx: SiteContext, ind: dict) -> Markup:
    """Where the missing figure would come from, shown while no figure decides the status."""
    source = ctx.figure_source(ind["id"])
    if not source or ctx.standing(ind["id"]).group in STATUS_LABELS:
        return m.EMPTY
    items = [Markup("<li>{}：{}</li>").format(m.text(label), m.text(source[key])) for key, label in FIGURE_SOURCE_LABELS.items() if source.get(key)]
    basis = BASIS_LABELS.get(source.get("basis") or "", "")
    tag = m.tag("span", basis, class_="basis") + " " if basis else m.EMPTY
    note = m.tag("p", tag + m.text(source.get("note") or ""), class_="note") if basis or source.get("note") else ""
    return m.block(m.heading(2, "数字从哪里来", "figure-source"), m.tag("ul", m.html_join(items)) if items else "", note)


def responsibility_block(ctx: SiteContext, page: Page, ind: dict, task: dict | None) -> Markup:
    heading = m.heading(2, "责任单位", "units")
    if task:
        return m.block(heading, Markup("<p>通过所属任务 {}：</p>").format(p.task_link(page, task)), roles_list(ctx, page, task))
    related = ctx.related_tasks(ind["id"])
    if not related:
        return m.block(heading, Markup("<p>方案在“实施目标”中提出这项指标，未单列责任单位。</p>"))
    items = []
    for related_task, reason in related:
        lead = ctx.catalog.lead_of(related_task["id"])
        who = Markup("（牵头：{}）").format(p.unit_link(page, lead)) if lead else ""
        items.append(Markup("<li>{}{}<br><small>{}</small></li>").format(p.task_link(page, related_task), who, m.text(reason)))
    return m.block(
        heading,
        Markup("<p>方案在“实施目标”中提出这项指标，未单列责任单位。</p>"),
        m.heading(3, RELATED_TASKS_LABEL, "related-tasks"),
        Markup("<p>下列任务与这项目标相关，是本站根据方案内容归纳的，方案本身没有这样写。</p>"),
        m.tag("ul", m.html_join(items), class_="editorial"),
    )


def roles_list(ctx: SiteContext, page: Page, task: dict) -> Markup:
    items = []
    for role in ("lead", "support", "responsible_body"):
        units = ctx.catalog.units_by_role(task["id"], role)
        if units:
            links = m.html_join((p.unit_link(page, u) for u in units), "、")
            items.append(Markup("<li><strong>{}</strong>：{}</li>").format(m.text(ROLE_LABELS[role]), links))
    return m.tag("ul", m.html_join(items))
