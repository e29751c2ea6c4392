"""The page of one area (county, district, platform): the figures published for it."""

from __future__ import annotations

from scripts.core.periods import parse_period
from scripts.core.words import AREA_KIND_LABELS, DATA_STATUS_LABELS, number
from scripts.site import markup as m
from scripts.site.pages import pieces as p
from scripts.site.pages.context import SiteContext
from scripts.site.pages.page import Page, join


def area_page(ctx: SiteContext, area: dict) -> Page:
    c = ctx.catalog
    page = Page(f"areas/{area['id']}.md", area["name"], "")
    observations = c.observations_in_area[area["id"]]
    parts = [m.block(f'<p class="meta">{m.text(AREA_KIND_LABELS[area["kind"]])}</p>'), m.heading(2, "公开数字", "figures")]
    if not observations:
        parts.append(m.block("<p><strong>暂无公开数据。</strong>尚未收录到这个区域的公开发布数字。</p>"))
    else:
        rows = []
        for o in observations:
            ind = c.indicators[o["indicator_id"]]
            period = parse_period(o["period"])
            rows.append([
                p.indicator_link(page, ind),
                m.text(period.label + ("" if period.full_year else "（阶段性数字）")),
                m.text(f"{number(o['value'])}{ind['unit']}"),
                m.text(DATA_STATUS_LABELS[o["status"]]),
                m.source_link(o["source"], o["source_url"]),
            ])
        parts.append(m.table(["指标", "时期", "数值", "数据状态", "来源"], rows, caption=f"{area['name']}公开发布的数字"))
    return Page(page.path, page.title, join(parts))
