"""Formatted pieces that several page types share: status badges, links, targets in words, tables and charts."""

from __future__ import annotations

import re

from markupsafe import Markup

from scripts.core.package import CITY_AREA
from scripts.core.periods import parse_period
from scripts.core.words import (
    ALSO_PUBLISHED,
    CANNOT_JUDGE, DATA_STATUS_LABELS, NO_LEAD_LABEL, NOT_ENOUGH, RELATED_LEADS_LABEL, REPORT_STATUS_LABELS, TARGET_COLUMN_LABELS,
    INTERIM_FIGURE,
    LAST_COUNTED,
)
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
    return ctx.result(indicator["id"]).target_words


def status_counts(ctx: SiteContext, indicator_ids: list[str]) -> Markup:
    """The reader statuses that occur, each with its count (they add up to the number of indicators)."""
    counts = ctx.results.count_statuses(indicator_ids)
    parts = [
        Markup('<span class="count">{} {}</span>').format(m.status_badge(code, label), counts[code])
        for code, label in ctx.status_labels().items()
        if counts[code]
    ]
    return m.html_join(parts, " ") if parts else Markup("—")


def latest_figure(ctx: SiteContext, ind: dict) -> Markup:
    """The figure beside a status is what decided it: the measure the method compared with the target (a total, an
    average, a compound decrease: 2021—2023年累计912家), and the last full-year city figure counted if that is not
    the measure itself; the latest other city figure, if any, is listed apart and says what it is."""
    result = ctx.result(ind["id"])
    # Nothing counted (a run of years broken from the start): the latest full-year city figure is still shown, saying
    # it decided nothing, so that the board does not read as if there were none.
    counted = result.deciding is not None
    full_years = [f for f in result.figures.get(CITY_AREA, []) if not f.interim]
    shown = result.deciding if counted else (full_years[-1] if full_years else None)
    if shown is None:
        main = Markup("—")
    else:
        # A report card that cannot judge the target says so beside the figures in hand: they decided nothing.
        short = NOT_ENOUGH if not counted or result.reader.group == CANNOT_JUDGE else ""
        provisional = DATA_STATUS_LABELS["provisional"] if shown.status == "provisional" else ""
        if not counted or not result.kind.chained:
            main = m.text(_figure_words(result, shown, "，".join(w for w in (provisional, short) if w)))
        else:
            measure = result.measure_text + (f"（{short}）" if short else "")
            main = Markup('{}<br><small class="deciding-year">{}</small>').format(
                m.text(measure), m.text(f"{LAST_COUNTED}：{_figure_words(result, shown, provisional)}"))
    others = [f for f in result.figures.get(CITY_AREA, []) if f is not shown and (shown is None or f.period.end > shown.period.end)]
    if not others:
        return main
    other = others[-1]
    what = INTERIM_FIGURE if other.interim else f"全年数字，{NOT_ENOUGH}"
    return Markup('{}<br><small class="other-figure">{}：{}</small>').format(main, m.text(ALSO_PUBLISHED), m.text(_figure_words(result, other, what)))


def _figure_words(result, figure, what: str) -> str:
    return f"{result.value_text(figure.value)}（{figure.period.label}{'，' + what if what else ''}）"


def lead_cell(ctx: SiteContext, page: Page, ind: dict) -> Markup:
    """The target's lead unit as the plan names it: the lead of its task. A headline target has none in the plan."""
    lead = ctx.lead_of_indicator(ind)
    return unit_link(page, lead) if lead else m.tag("span", NO_LEAD_LABEL, class_="unassigned")


def related_leads(ctx: SiteContext, indicator_id: str) -> list[dict]:
    """The lead units of the tasks the site relates to a headline target (an editorial link, not the plan's)."""
    leads = [ctx.catalog.lead_of(task["id"]) for task, _reason in ctx.related_tasks(indicator_id)]
    return list({u["id"]: u for u in leads if u}.values())


def indicator_cell(ctx: SiteContext, page: Page, ind: dict) -> Markup:
    """The target's name; under it, for a target the plan assigns to no unit, the leads of its related tasks,
    labelled as the site's own linking (never in the lead column, the lead filter or a unit's counts)."""
    leads = [] if ctx.lead_of_indicator(ind) else related_leads(ctx, ind["id"])
    if not leads:
        return indicator_link(page, ind)
    names = m.html_join((m.text(u["name"]) for u in leads), "、")
    return Markup('{}<br><small class="editorial">{}：{}</small>').format(indicator_link(page, ind), m.text(RELATED_LEADS_LABEL), names)


# A target's row wherever targets are listed (home, board, headline and task indicators, task and unit pages): the
# answer (status, figure) right after the name, so that a phone card or a narrow table shows it first.
TARGET_COLUMNS = list(TARGET_COLUMN_LABELS.values())


def target_cells(ctx: SiteContext, page: Page, ind: dict) -> list[Markup]:
    return [indicator_cell(ctx, page, ind), status(ctx, ind["id"]), latest_figure(ctx, ind), target_text(ctx, ind), lead_cell(ctx, page, ind)]


def target_row(ctx: SiteContext, page: Page, ind: dict, **attrs) -> Markup:
    """A <tr> of TARGET_COLUMNS; each cell names its column (data-label), which a phone card writes before it."""
    cells = m.html_join(m.tag("td", cell, data_label=label) for label, cell in zip(TARGET_COLUMNS, target_cells(ctx, page, ind), strict=True))
    return m.tag("tr", cells, **attrs)


def target_table(body: Markup, caption: str | None = None, **attrs) -> Markup:
    """A table of targets: a table on a wide screen, one card per target on a phone (class targets, board.css)."""
    head = m.html_join(Markup('<th scope="col">{}</th>').format(m.text(h)) for h in TARGET_COLUMNS)
    cap = m.tag("caption", caption) if caption else m.EMPTY
    return Markup('<div class="table-wrap">{}</div>').format(
        m.tag("table", Markup("{}<thead><tr>{}</tr></thead>{}").format(cap, head, body), class_="data targets", **attrs)
    )


def indicator_table(ctx: SiteContext, page: Page, indicators: list[dict], *, caption: str | None = None) -> Markup:
    rows = m.html_join(target_row(ctx, page, ind) for ind in indicators)
    return target_table(m.tag("tbody", rows), caption)


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
    # The text alternative is shown under the chart too, for every reader, but hidden from screen readers there:
    # they have just read it as the image's alt, and would otherwise hear it twice.
    summary = m.tag("span", Markup("：{}").format(m.text(alt)), aria_hidden="true")
    return Markup('<figure class="chart">{}<figcaption>{}{} {}</figcaption></figure>').format(
        img, m.text(caption), summary, m.link("下载图表数据（CSV）", href(page, f"charts/{name}.csv"))
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
    """Tasks listed under their action or section, each with its plan number and title."""
    ids = {t["id"] for t in tasks}
    groups = []
    for _section, group, group_tasks in ctx.catalog.groups():
        links = [m.tag("li", task_link(page, t)) for t in group_tasks if t["id"] in ids]
        if links:
            groups.append(Markup("<li><strong>{}</strong><ul>{}</ul></li>").format(m.text(group), m.html_join(links)))
    # Not in the search index: the same list on every county's pages would answer a search for any task with them
    # all. On a <div>: the theme's search parser matches an excluded element's end by its tag, and the list nests <ul>s.
    return Markup('<div data-search-exclude><ul class="task-groups">{}</ul></div>').format(m.html_join(groups))


def responsible_body_note(ctx: SiteContext, page: Page, tasks: list[dict]) -> Markup:
    """What being a task's responsible body (责任主体) means: answering for it locally, not a count of work done."""
    if len(tasks) == len(ctx.catalog.tasks):
        every = m.link(f"全部 {len(tasks)} 项任务", href(page, "tasks/"))
        return Markup(
            "<p>方案把各县（市、区）政府和平台管委会列为每项任务的责任主体（在第一项任务的分工后写明“下同”），"
            "负责{}在本地的落实。这是方案的分工，不是完成了多少项任务。</p>"
        ).format(every)
    return Markup("<p>方案把这个单位列为以下任务的责任主体，负责任务在本地的落实。这是方案的分工，不是完成了多少项任务。</p>")
