"""The page of one area (county, district, platform): its government, the tasks it answers for, its figures."""

from __future__ import annotations

from markupsafe import Markup

from scripts.core.periods import parse_period
from scripts.core.words import AREA_KIND_LABELS, DATA_STATUS_LABELS, INTERIM_FIGURE
from scripts.website import markup as m
from scripts.website.pages import pieces as p
from scripts.website.pages.context import SiteContext
from scripts.website.pages.page import Page, join


def area_page(ctx: SiteContext, area: dict) -> Page:
    c = ctx.catalog
    page = Page(f"areas/{area['id']}.md", area["name"], "")
    parts = [m.block(Markup('<p class="meta">区域类型：{}</p>').format(m.text(AREA_KIND_LABELS[area["kind"]])))]
    for unit in [u for u in c.units.values() if u.get("area_id") == area["id"]]:
        tasks = [t for t, role in c.tasks_of_unit[unit["id"]] if role == "responsible_body"]
        parts.append(m.block(
            Markup('<p class="government">{}的责任单位：<strong>{}</strong></p>').format(m.text(area["name"]), p.unit_link(page, unit)),
            p.responsible_body_note(ctx, page, tasks) if tasks else "",
            p.tasks_by_group(ctx, page, tasks) if tasks else "",
        ))
    parts.append(m.heading(2, "公开数字", "figures"))
    parts.append(figures(ctx, page, area))
    return Page(page.path, page.title, join(parts), f"{area['name']}：责任单位、作为责任主体的任务和公开发布的分区域数字。")


def figures(ctx: SiteContext, page: Page, area: dict) -> Markup:
    observations = ctx.catalog.observations_in_area[area["id"]]
    if not observations:
        return m.block(Markup(
            "<p><strong>暂无公开数据。</strong>本站尚未收录到{}单独发布的任何数字，"
            "因此这里没有分区域的进展；各指标页列出的是全市数字。</p>"
        ).format(m.text(area["name"])))
    rows = []
    for o in observations:
        ind = ctx.catalog.indicators[o["indicator_id"]]
        period = parse_period(o["period"])
        rows.append([
            p.indicator_link(page, ind),
            m.text(period.label + ("" if period.full_year else f"（{INTERIM_FIGURE}）")),
            m.text(ctx.result(ind["id"]).value_text(o["value"])),
            m.text(DATA_STATUS_LABELS[o["status"]]),
            m.source_link(o["source"], o["source_url"]),
        ])
    return m.table(["指标", "时期", "数值", "数据状态", "来源"], rows, caption=f"{area['name']}公开发布的数字")
