"""The accountability board: every target in one table, grouped by action, with its status, latest figure and lead."""

from __future__ import annotations

from markupsafe import Markup

from scripts.core.words import BOARD_FILTER_LABELS, BOARD_ORDER_LABELS, BOARD_WORDS, NO_LEAD_LABEL
from scripts.website import markup as m
from scripts.website.pages import pieces as p
from scripts.website.pages.context import SiteContext
from scripts.website.pages.page import Page, href, join

BOARD_PATH = "board/"
HEADLINE_GROUP = "核心指标（方案“实施目标”）"
NO_LEAD_VALUE = "-"  # the lead filter's value for targets the plan assigns to no unit; no unit id can be it


def board_groups(ctx: SiteContext) -> list[tuple[str, list[dict]]]:
    """(group name, indicators) in plan order: the headline targets first, then each action's or section's."""
    c = ctx.catalog
    groups = [(HEADLINE_GROUP, [i for i in c.indicators.values() if i.get("headline")])]
    for _section, group, tasks in c.groups():
        indicators = [i for t in tasks for i in c.indicators_of_task[t["id"]] if not i.get("headline")]
        if indicators:
            groups.append((group, indicators))
    return [(name, indicators) for name, indicators in groups if indicators]


def status_link(page: Page, code: str) -> str:
    """The board, opened filtered by a reader status (board.js reads ?status=; without it the whole table shows)."""
    return f"{href(page, BOARD_PATH)}?status={code}"


def lead_link(page: Page, unit_id: str) -> str:
    """The board, opened filtered to the targets a unit leads."""
    return f"{href(page, BOARD_PATH)}?lead={unit_id}"


def status_strip(ctx: SiteContext, page: Page, *, link: bool) -> Markup:
    """The reader statuses with their counts and the total they add up to, each count a link to the board filtered
    by it; optionally a link to the whole board. On the board, the script keeps the counts to the filtered rows."""
    ids = list(ctx.catalog.indicators)
    counts = ctx.results.count_statuses(ids)

    def item(code: str, label: str) -> Markup:
        count = Markup("{} <strong>{}</strong> 项").format(m.status_badge(code, label), counts[code])
        # A count of none is said, not linked: the board offers no filter that would show nothing.
        shown = m.link(count, status_link(page, code)) if counts[code] else count
        return m.tag("li", shown, data_status=code, data_always="" if ctx.ended else None)

    # A report card says "0 项" too (and keeps saying it while the board is filtered); a running plan lists what occurs.
    items = m.html_join(item(code, label) for code, label in ctx.status_labels().items() if counts[code] or ctx.ended)
    total = m.tag("p", numbers(BOARD_WORDS["total"], total=len(ids)), data_board_total="")
    board = m.link(BOARD_WORDS["board_link"].format(total=len(ids)), href(page, BOARD_PATH))
    more = m.tag("p", board, class_="board-link") if link else m.EMPTY
    ended = m.tag("p", BOARD_WORDS["ended"], class_="report-card") if ctx.ended else m.EMPTY
    return Markup('<div class="status-strip">{}{}<ul>{}</ul>{}</div>').format(ended, total, items, more)


def numbers(template: str, **values: int) -> Markup:
    """A template of BOARD_WORDS with its numbers in bold."""
    bold = str(m.text(template)).replace("{", "<strong>{").replace("}", "}</strong>")  # str: Markup.replace escapes
    return Markup(bold).format(**values)


def board_controls(ctx: SiteContext) -> Markup:
    """The filters, written here from the page's own values and words and shown only when the script runs: the
    script accepts from the address (?lead=…&status=…) only a value one of these lists offers."""
    groups = [(str(number), name) for number, (name, _) in enumerate(board_groups(ctx), start=1)]
    counts = ctx.results.count_statuses(ctx.catalog.indicators)
    choices = {
        "lead": [*((u["id"], u["name"]) for u in ctx.catalog.leads()), (NO_LEAD_VALUE, NO_LEAD_LABEL)],
        "group": groups,
        "status": [(code, label) for code, label in ctx.status_labels().items() if counts[code]],
    }
    selects = [select(name, BOARD_FILTER_LABELS[name], [("", BOARD_WORDS["all"]), *options]) for name, options in choices.items()]
    selects.append(select("order", BOARD_WORDS["order"], list(BOARD_ORDER_LABELS.items())))
    words = {f"data-{key.replace('_', '-')}": value for key, value in BOARD_WORDS.items()}
    attributes = m.html_join(Markup(' {}="{}"').format(Markup(key), value) for key, value in words.items())
    return Markup('<form class="board-controls" data-board-controls hidden{}>{}{}<output aria-live="polite"></output></form>').format(
        attributes, m.html_join(selects), Markup('<button type="reset">{}</button>').format(BOARD_WORDS["reset"])
    )


def select(name: str, label: str, options: list[tuple[str, str]]) -> Markup:
    items = m.html_join(m.tag("option", text, value=value) for value, text in options)
    return Markup('<label>{}<select name="{}">{}</select></label>').format(label, name, items)


def board_table(ctx: SiteContext, page: Page) -> Markup:
    """One table, a header row per group; data-* attributes let the optional script filter and sort it."""
    rank = {code: order for order, code in enumerate(ctx.status_labels())}
    groups, position = [], 0
    for number, (group, indicators) in enumerate(board_groups(ctx), start=1):
        header = Markup('<tr class="board-group"><th colspan="{}" scope="rowgroup">{}</th></tr>').format(len(p.TARGET_COLUMNS), group)
        rows = [header]
        for ind in indicators:
            position += 1
            rows.append(board_row(ctx, page, ind, position, rank))
        groups.append(m.tag("tbody", m.html_join(rows), data_group=number))
    caption = BOARD_WORDS["caption"].format(total=position, order=BOARD_ORDER_LABELS["plan"])
    return p.target_table(m.html_join(groups), caption, id="board-table")


def board_row(ctx: SiteContext, page: Page, ind: dict, position: int, rank: dict[str, int]) -> Markup:
    standing = ctx.standing(ind["id"])
    lead = ctx.lead_of_indicator(ind)
    return p.target_row(
        ctx, page, ind, class_="board-row", data_order=position, data_name=ind["name"],
        data_lead=lead["id"] if lead else NO_LEAD_VALUE, data_lead_name=lead["name"] if lead else "",
        data_status=standing.group, data_status_rank=rank[standing.group],
    )


def board_page(ctx: SiteContext) -> Page:
    page = Page("board/index.md", "目标一览", "")
    parts = [
        m.block(
            Markup(
                "<p>方案的全部量化目标：按本站方法判断的状态、最新公开发布的数字和谁牵头。"
                "核心指标是方案“实施目标”提出的，方案没有为它们单列牵头单位。</p>"
            ),
            # A heading first: the theme's skip link leads to it, and the filters are the next thing a Tab reaches.
            m.heading(2, BOARD_WORDS["heading"], "targets"),
            board_controls(ctx),
            status_strip(ctx, page, link=False),
        ),
        board_table(ctx, page),
    ]
    description = f"全部 {len(ctx.catalog.indicators)} 项量化目标：进展状态、最新公开数字和谁牵头，可按牵头单位、行动和状态筛选。"
    return Page(page.path, page.title, join(parts), description, wide=True)
