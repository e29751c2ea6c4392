"""The page of one indicator: its status, target, the plan's words, the published figures and who is responsible."""

from __future__ import annotations

from markupsafe import Markup

from scripts.core.periods import parse_period
from scripts.core.revisions import CORRECTED, figure_key
from scripts.core.words import (
    BASIS_LABELS,
    DATA_STATUS_LABELS,
    FIGURE_SOURCE_LABELS,
    INTERIM_FIGURE,
    NO_DATA_LABELS,
    NO_FIGURE,
    NO_LEAD_LABEL,
    RELATED_LEADS_LABEL,
    RELATED_TASKS_LABEL,
    REVISIONS_HEADING,
    REVISION_LABELS,
    ROLE_LABELS,
    SOURCE_TYPE_LABELS,
    STATUS_LABELS,
    WITHDRAWN_NOTE,
    corrected_words,
    number,
)
from scripts.website import markup as m
from scripts.website.citation import citation
from scripts.website.pages import pieces as p
from scripts.website.pages.context import SiteContext
from scripts.website.pages.page import Page, href, join


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
        figure_source_block(ctx, page, ind),
        responsibility_block(ctx, page, ind, task),
        citation(c.package, page.url_dir, ind["name"]),
    ]
    lead = ctx.lead_of_indicator(ind)
    description = f"{ind['name']}：{p.target_words(ctx, ind)}。{ROLE_LABELS['lead']}：{lead['name'] if lead else NO_LEAD_LABEL}。状态：{ctx.standing(ind['id']).label}。"
    return Page(page.path, page.title, join(parts), description)


def facts_table(ctx: SiteContext, page: Page, ind: dict, task: dict | None) -> Markup:
    result, reader = ctx.result(ind["id"]), ctx.standing(ind["id"])
    facts = [
        ["状态", p.status(ctx, ind["id"]) + (Markup(" {}").format(m.text(reader.reason)) if reader.reason else "")],
        ["目标", p.target_text(ctx, ind)],
        [ROLE_LABELS["lead"], p.lead_cell(ctx, page, ind)],
        *related_leads_fact(ctx, ind),
        ["目标类型", m.text(f"{result.kind.label}（{result.kind.direction_words(ind['direction'])}）")],
        ["计量单位", m.text(ind["unit"])],
    ]
    if len(result.verdicts) > 1:  # every dated target judged on its own date, whatever later years brought
        items = m.html_join(m.tag("li", v.text) for v in result.verdicts)
        facts.append(["各目标年份", Markup('<ul class="verdicts">{}</ul>').format(items)])
    if not ctx.ended and result.pace_ratio is not None:  # a pace is for a running plan; a report card has verdicts
        facts.append(["进度比", m.text(number(result.pace_ratio, 2))])
    if not ctx.ended and result.expected_by_now is not None:
        facts.append(["按进度应达", m.text(result.value_text(result.expected_by_now))])
    if ind.get("headline"):
        facts.append(["类别", "核心指标（方案“实施目标”）"])
    if task:
        facts.append(["所属任务", p.task_link(page, task)])
    rows = m.html_join(Markup('<tr><th scope="row">{}</th><td>{}</td></tr>').format(m.text(k), m.text(v)) for k, v in facts)
    return m.block(Markup('<table class="facts"><tbody>{}</tbody></table>').format(rows))


def related_leads_fact(ctx: SiteContext, ind: dict) -> list[list]:
    """For a target the plan assigns to no unit: the leads of its related tasks, in a row of their own, labelled."""
    leads = [] if ctx.lead_of_indicator(ind) else p.related_leads(ctx, ind["id"])
    if not leads:
        return []
    names = m.text("、".join(u["name"] for u in leads))
    return [[RELATED_LEADS_LABEL, Markup("{}（{}）").format(names, m.link("见下文", "#related-tasks"))]]


def figures_block(ctx: SiteContext, page: Page, ind: dict) -> Markup:
    c = ctx.catalog
    observations = c.observations_of[ind["id"]]
    if not observations:
        return m.block(Markup(
            '<p class="no-data"><strong>{}。</strong>截至数据版本 {}（{}），'
            "尚未收录到这项指标的公开发布数字。我们不估算、不补填；有公开来源后将在这里列出。</p>"
        ).format(m.text(NO_DATA_LABELS[NO_FIGURE]), m.text(c.package.version), m.text(ctx.results.as_of.isoformat())))
    result = ctx.result(ind["id"])
    # A corrected figure says so beside its value: its source and quote may still show the value it replaced.
    corrected = {figure_key(figure): corrected_words(revision["date"].isoformat(), result.value_text(revision["previous_value"]))
                 for revision, figure in result.revisions if revision["action"] == CORRECTED and figure}
    rows = [
        [
            m.text(parse_period(o["period"]).label + ("" if parse_period(o["period"]).full_year else f"（{INTERIM_FIGURE}）")),
            p.area_link(ctx, page, o["area_id"]),
            m.text(result.value_text(o["value"]) + (f"（{corrected[figure_key(o)]}）" if figure_key(o) in corrected else "")),
            m.text(DATA_STATUS_LABELS[o["status"]]),
            m.source_link(o["source"], o["source_url"]),
            m.text(source_type_text(o)),
            m.text(o["published"].isoformat() if o.get("published") else "未注明"),
            m.text(p.reader_note(o.get("note"))),
        ]
        for o in observations
    ]
    return m.table(["时期", "区域", "数值", "数据状态", "来源", "原发或转载", "发布日期", "说明"], rows, caption="公开发布的数字")


def source_type_text(observation: dict) -> str:
    """原发, or 转载（原发：中国网）: readers weigh a reprint by who first published the figure."""
    kind = observation.get("source_type") or ""
    label = SOURCE_TYPE_LABELS.get(kind, "")
    original = observation.get("original_publisher")
    return f"{label}（原发：{original}）" if kind == "reprint" and original else label


def revisions_block(ctx: SiteContext, page: Page, ind: dict) -> Markup:
    """Each correction and withdrawal of this indicator's figures, dated, with its reason: 2024-03-01 更正：……"""
    items = []
    result = ctx.result(ind["id"])
    for revision, figure in result.revisions:
        area = ctx.catalog.areas.get(revision["area_id"], {}).get("name", revision["area_id"])
        what = f"{area}{parse_period(revision['period']).label}的{DATA_STATUS_LABELS.get(revision['status'], '')}"
        if revision["action"] == CORRECTED:
            before = result.value_text(revision["previous_value"])
            after = result.value_text(figure["value"]) if figure else "—"
            said = f"{what}由 {before} 改为 {after}。"
        else:
            value = f" {result.value_text(figure['value'])}" if figure else ""
            said = f"{what}{value}{WITHDRAWN_NOTE}。"
        items.append(Markup("<li><strong>{} {}</strong>：{}原因：{}</li>").format(
            m.text(revision["date"].isoformat()), m.text(REVISION_LABELS[revision["action"]]), m.text(said), m.text(revision["reason"])))
    if not items:
        return m.EMPTY
    return m.block(m.heading(2, REVISIONS_HEADING, "revisions"), m.tag("ul", m.html_join(items), class_="revisions"))


def figure_source_block(ctx: SiteContext, page: Page, ind: dict) -> Markup:
    """Where the missing figure would come from, and when and where it was last looked for: shown while no figure
    decides the status, so that a reader can tell "not published" from "not found"."""
    source = ctx.figure_source(ind["id"]) or {}
    checked = last_check(ctx, page, ind["id"])
    if (not source and not checked) or ctx.standing(ind["id"]).group in STATUS_LABELS:
        return m.EMPTY
    items = [Markup("<li>{}：{}</li>").format(m.text(label), m.text(source[key])) for key, label in FIGURE_SOURCE_LABELS.items() if source.get(key)]
    basis = BASIS_LABELS.get(source.get("basis") or "", "")
    tag = m.tag("span", basis, class_="basis") + " " if basis else m.EMPTY
    note = m.tag("p", tag + m.text(source.get("note") or ""), class_="note") if basis or source.get("note") else ""
    return m.block(m.heading(2, "数字从哪里来", "figure-source"), m.tag("ul", m.html_join(items)) if items else "", note, checked)


def last_check(ctx: SiteContext, page: Page, indicator_id: str) -> Markup:
    """最近核查 YYYY-MM-DD：查了……，未载此项 — the latest day the figure was looked for, where, and what was found
    (searches for this indicator and those that covered every headline indicator at once)."""
    c = ctx.catalog
    own = c.searches_of.get(indicator_id, [])
    general = c.general_searches if c.indicators[indicator_id].get("headline") else []
    rows = own + general
    if not rows:
        return m.EMPTY
    latest = max(r["checked_on"] for r in rows)
    that_day = [r for r in rows if r["checked_on"] == latest]
    places = list(dict.fromkeys(r["where"] for r in that_day))
    shown = "、".join(places[:4]) + (f"等 {len(places)} 处" if len(places) > 4 else "")
    results = {r["result"] for r in that_day if r in own}
    if "found" in results:
        outcome = "找到的数字已列在上面的表里"
    elif "found_other" in results:
        outcome = "只找到口径或时期不符的数字，没有收录"
    else:
        outcome = "均未载此项"
    log = m.link("全部核查记录", href(page, "data/searches.csv"))
    return Markup('<p class="last-check">最近核查 {}：查了{}，{}。{}</p>').format(m.text(latest.isoformat()), m.text(shown), m.text(outcome), log)


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
