"""The accountability board: every target in one table, grouped by action, with its lead unit, latest figure and status."""

from __future__ import annotations

from markupsafe import Markup

from scripts.core.words import ROLE_LABELS
from scripts.website import markup as m
from scripts.website.pages import pieces as p
from scripts.website.pages.context import SiteContext
from scripts.website.pages.page import Page, href, join

BOARD_PATH = "board/"
HEADLINE_GROUP = "核心指标（方案“实施目标”）"
COLUMNS = ["指标", "目标", ROLE_LABELS["lead"], "最新公开数字", "状态"]


def board_groups(ctx: SiteContext) -> list[tuple[str, list[dict]]]:
    """(group name, indicators) in plan order: the headline targets first, then each action's or section's."""
    c = ctx.catalog
    groups = [(HEADLINE_GROUP, [i for i in c.indicators.values() if i.get("headline")])]
    for _section, group, tasks in c.groups():
        indicators = [i for t in tasks for i in c.indicators_of_task[t["id"]] if not i.get("headline")]
        if indicators:
            groups.append((group, indicators))
    return [(name, indicators) for name, indicators in groups if indicators]


def status_strip(ctx: SiteContext, page: Page, *, link: bool) -> Markup:
    """The reader statuses with their counts and the total they add up to; optionally a link to the board."""
    ids = list(ctx.catalog.indicators)
    counts = ctx.standing_counts(ids)
    items = m.html_join(
        Markup("<li>{} <strong>{}</strong> 项</li>").format(m.status_badge(code, label), counts[code])
        for code, label in ctx.status_labels().items()
        if counts[code] or ctx.ended  # a report card says "0 项" too
    )
    board = m.link(f"查看目标一览：全部 {len(ids)} 项目标由谁牵头、最新数字和状态", href(page, BOARD_PATH))
    more = m.tag("p", board, class_="board-link") if link else m.EMPTY
    return Markup('<div class="status-strip"><p>共 <strong>{}</strong> 项量化目标：</p><ul>{}</ul>{}</div>').format(len(ids), items, more)


def board_table(ctx: SiteContext, page: Page) -> Markup:
    """One table, a header row per group; data-* attributes let the optional script filter and sort it."""
    head = m.html_join(Markup('<th scope="col">{}</th>').format(m.text(h)) for h in COLUMNS)
    rank = {code: order for order, code in enumerate(ctx.status_labels())}
    groups, position = [], 0
    for group, indicators in board_groups(ctx):
        rows = [Markup('<tr class="board-group"><th colspan="{}" scope="rowgroup">{}</th></tr>').format(len(COLUMNS), m.text(group))]
        for ind in indicators:
            position += 1
            rows.append(board_row(ctx, page, ind, position, rank))
        groups.append(m.tag("tbody", m.html_join(rows), data_group=group))
    return Markup(
        '<div class="table-wrap"><table class="data board" id="board-table">'
        "<caption>全部 {} 项量化目标（按方案顺序分组）</caption>"
        "<thead><tr>{}</tr></thead>{}</table></div>"
    ).format(position, head, m.html_join(groups))


def board_row(ctx: SiteContext, page: Page, ind: dict, position: int, rank: dict[str, int]) -> Markup:
    standing = ctx.standing(ind["id"])
    cells = [p.indicator_link(page, ind), p.target_text(ctx, ind), p.lead_cell(ctx, page, ind), p.latest_figure(ctx, ind), p.status(ctx, ind["id"])]
    tds = m.html_join(m.tag("td", cell, data_label=label) for label, cell in zip(COLUMNS, cells, strict=True))
    return m.tag(
        "tr", tds, class_="board-row", data_order=position, data_name=ind["name"], data_lead="|".join(lead_names(ctx, ind)),
        data_status=standing.group, data_status_label=ctx.status_labels()[standing.group], data_status_rank=rank[standing.group],
    )


def lead_names(ctx: SiteContext, ind: dict) -> list[str]:
    """Names of the units shown as leads of the target, for the lead-unit filter."""
    lead = ctx.lead_of_indicator(ind)
    if lead:
        return [lead["name"]]
    names = [ctx.catalog.lead_of(t["id"]) for t, _ in ctx.related_tasks(ind["id"])]
    return list(dict.fromkeys(u["name"] for u in names if u))


def board_page(ctx: SiteContext) -> Page:
    page = Page("board/index.md", "目标一览", "")
    parts = [
        m.block(
            Markup(
                "<p>方案的全部量化目标：谁牵头、最新公开发布的数字和按本站方法判断的状态。"
                "核心指标是方案“实施目标”提出的，方案没有为它们单列牵头单位。</p>"
            ),
            status_strip(ctx, page, link=False),
            Markup('<div class="board-controls" data-board-controls hidden></div>'),
        ),
        board_table(ctx, page),
    ]
    description = f"全部 {len(ctx.catalog.indicators)} 项量化目标：谁牵头、最新公开数字和进展状态，可按牵头单位、行动和状态筛选。"
    return Page(page.path, page.title, join(parts), description, wide=True)
