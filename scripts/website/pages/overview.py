"""The index pages: headline targets, task targets by action, all tasks, all units and all areas."""

from __future__ import annotations

from markupsafe import Markup

from scripts.core.periods import parse_period
from scripts.core.words import (
    AREA_KIND_LABELS,
    DASHBOARD_HEADINGS,
    DASHBOARD_TITLES,
    DATA_STATUS_LABELS,
    ROLE_LABELS,
    UNIT_KIND_LABELS,
)
from scripts.website import markup as m
from scripts.website.pages import pieces as p
from scripts.website.pages.board import lead_link
from scripts.website.pages.context import SiteContext
from scripts.website.pages.page import Page, join


def headline_index(ctx: SiteContext) -> Page:
    page = Page("headline/index.md", "核心指标", "")
    headline = [i for i in ctx.catalog.indicators.values() if i.get("headline")]
    decided = any(ctx.status_code(i["id"]) != "no_data" for i in headline)
    stage = "ended" if ctx.ended else "running"
    body = [
        m.block(Markup("<p>方案“实施目标”提出的 {} 项核心指标，目标年份为 {} 年。</p>").format(
            len(headline), m.text(ctx.catalog.package.plan.get("end_year", ""))
        )),
        # The dashboard compares figures with targets: with no status to draw it would be empty bars.
        m.heading(2, DASHBOARD_HEADINGS[stage], "dashboard") if decided else "",
        p.chart(ctx, page, "dashboard", DASHBOARD_TITLES[stage]) if decided else "",
        m.heading(2, "指标一览", "list"),
        p.indicator_table(ctx, page, headline),
    ]
    return Page(page.path, page.title, join(body), "方案“实施目标”提出的核心指标：目标、最新公开数字和进展状态。")


def indicators_index(ctx: SiteContext) -> Page:
    c = ctx.catalog
    page = Page("indicators/index.md", "任务指标", "")
    parts = [m.block(Markup("<p>各项重点任务、政策措施中提出的量化目标，按所属行动分组。</p>"))]
    for position, (section, group, tasks) in enumerate(c.groups(), start=1):
        # Every target the group's tasks set, headline ones too (浙江制造标准 is also 四(四)1's): the counts below hold them.
        indicators = [i for t in tasks for i in c.indicators_of_task[t["id"]]]
        if indicators:
            parts.append(m.heading(2, group, f"group-{position}"))
            parts.append(p.indicator_table(ctx, page, indicators))
    parts.append(m.block(m.heading(2, "各行动指标状态", "by-group"), p.chart(ctx, page, "status-by-group", "各行动指标状态")))
    rows = []
    for section, group, tasks in c.groups():
        ids = [i["id"] for t in tasks for i in c.indicators_of_task[t["id"]]]
        if ids:
            counts = ctx.results.count_statuses(ids)
            rows.append([m.text(group), m.text(str(len(ids))), *(m.text(str(counts[code])) for code in ctx.status_labels())])
    parts.append(m.table(["行动", "指标数", *ctx.status_labels().values()], rows, caption="各行动指标状态"))
    return Page(page.path, page.title, join(parts), "各项重点任务、政策措施提出的量化目标，按攻坚行动分组，列出牵头单位和状态。")


def tasks_index(ctx: SiteContext) -> Page:
    c = ctx.catalog
    page = Page("tasks/index.md", "全部任务", "")
    parts = [m.block(Markup("<p>方案的全部任务：四大攻坚行动各5项重点任务、政策措施和组织实施。列第一位的为牵头单位。</p>"))]
    for position, (section, group, tasks) in enumerate(c.groups(), start=1):
        rows = []
        for t in tasks:
            lead = c.lead_of(t["id"])
            ids = [i["id"] for i in c.indicators_of_task[t["id"]]]
            rows.append([p.task_link(page, t), p.unit_link(page, lead) if lead else m.text("—"), p.status_counts(ctx, ids) if ids else m.text("无量化目标")])
        parts.append(m.heading(2, group, f"group-{position}"))
        parts.append(m.table(["任务", ROLE_LABELS["lead"], "量化目标状态"], rows))
    return Page(page.path, page.title, join(parts), "方案的全部任务及其牵头单位、量化目标的状态。")


def units_index(ctx: SiteContext) -> Page:
    c = ctx.catalog
    page = Page("units/index.md", "全部责任单位", "")
    intro = Markup("<p>每个单位牵头和配合的任务数，以及其牵头任务下的量化目标（与目标一览按牵头单位筛选的结果相同）和它们的状态。</p>")
    parts = [m.block(intro), p.chart(ctx, page, "status-by-unit", "各牵头单位指标状态")]
    for kind, label in UNIT_KIND_LABELS.items():
        units = [u for u in c.units.values() if u["kind"] == kind]
        if not units:
            continue
        rows = []
        for u in units:
            roles = [r for _, r in c.tasks_of_unit[u["id"]]]
            led = [i["id"] for i in ctx.targets_led_by(u["id"])]
            counts = [m.text(str(roles.count(role))) for role in ("lead", "support", "responsible_body")]
            targets = m.link(f"{len(led)} 项", lead_link(page, u["id"])) if led else m.text("—")
            rows.append([p.unit_link(page, u), *counts, targets, p.status_counts(ctx, led) if led else m.text("—")])
        parts.append(m.heading(2, label, kind.replace("_", "-")))
        parts.append(m.table(["单位", "牵头任务", "配合任务", "作为责任主体的任务", "牵头的量化目标", "这些目标的状态"], rows))
    return Page(page.path, page.title, join(parts), "方案的全部责任单位：牵头和配合的任务数，以及牵头目标的状态。")


def areas_index(ctx: SiteContext) -> Page:
    c = ctx.catalog
    page = Page("areas/index.md", "区县", "")
    rows = [[p.area_link(ctx, page, a["id"]), m.text(AREA_KIND_LABELS[a["kind"]]), m.text(str(len(c.observations_in_area[a["id"]])))] for a in c.areas.values()]
    parts = [
        m.block(Markup(
            "<p>方案以各县（市、区）和两个平台为责任主体，并建立“赛马”机制（月度监测、季度通报、年度考核）。"
            "这里列出分区域的公开数字；两个以上区域对同一指标、同一时期有数字时给出排名。</p>"
        )),
        m.table(["区域", "类型", "收录数字"], rows),
    ]
    rankings = ctx.results.rankings
    no_ranking = Markup("<p>暂无两个以上区域对同一指标同一时期的公开数字，因此没有排名。</p>")
    parts.append(m.block(m.heading(2, "赛马排名", "ranking"), "" if rankings else no_ranking))
    for position, r in enumerate(rankings, start=1):
        ind = c.indicators[r.indicator_id]
        result = ctx.result(r.indicator_id)
        rows = [[m.text(str(row["rank"])), p.area_link(ctx, page, row["area_id"]), m.text(result.value_text(row["value"])),
                 m.text(DATA_STATUS_LABELS[row["status"]])] for row in r.rows]
        caption = f"{ind['name']}（{parse_period(r.period).label}，{result.kind.direction_words(ind['direction'])}）"
        parts.append(m.heading(3, ind["name"], f"ranking-{position}"))
        parts.append(m.block(Markup("<p>指标页：{}</p>").format(p.indicator_link(page, ind))))
        parts.append(m.table(["名次", "区域", "数值", "数据状态"], rows, caption=caption))
    return Page(page.path, page.title, join(parts), "各县（市、区）和平台：公开发布的分区域数字和赛马排名。")
