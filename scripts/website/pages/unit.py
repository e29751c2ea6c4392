"""The page of one responsible unit: the tasks it leads, supports or answers for, and the targets it leads."""

from __future__ import annotations

from markupsafe import Markup

from scripts.core.words import NOT_SEEN_LABEL, UNIT_KIND_LABELS
from scripts.website import markup as m
from scripts.website.pages import pieces as p
from scripts.website.pages.board import lead_link
from scripts.website.pages.context import SiteContext
from scripts.website.pages.page import Page, join


def unit_page(ctx: SiteContext, unit: dict) -> Page:
    c = ctx.catalog
    page = Page(f"units/{unit['id']}.md", unit["name"], "")
    by_role: dict[str, list[dict]] = {"lead": [], "support": [], "responsible_body": []}
    for task, role in c.tasks_of_unit[unit["id"]]:
        by_role[role].append(task)
    led = ctx.targets_led_by(unit["id"])
    parts = [m.block(
        Markup('<p class="meta">{} · {}</p>').format(m.text(unit["full_name"]), m.text(UNIT_KIND_LABELS[unit["kind"]])),
        provenance(unit),
        Markup("<p>所在区域：{}</p>").format(p.area_link(ctx, page, unit["area_id"])) if unit.get("area_id") in c.areas else "",
        Markup("<p>{}{}。</p>").format(role_counts(by_role), led_count(page, unit, led)),
    )]
    for role, heading in (("lead", "牵头的任务"), ("support", "配合的任务")):
        if by_role[role]:
            items = m.html_join(m.tag("li", p.task_link(page, t)) for t in by_role[role])
            parts.append(m.block(m.heading(2, heading, role), m.tag("ul", items)))
    if by_role["responsible_body"]:
        parts.append(responsible_body_block(ctx, page, by_role["responsible_body"]))
    if led:
        parts.append(m.block(m.heading(2, "牵头任务的量化目标", "indicators"),
                             m.tag("p", Markup("共 {} 项：{}").format(len(led), p.status_counts(ctx, [i["id"] for i in led])))))
        parts.append(p.indicator_table(ctx, page, led))
        parts.append(not_seen_block(ctx, page, led))
    parts.append(p.reports_block(ctx, page, c.reports_of_unit[unit["id"]], by="task"))
    description = f"{unit['full_name']}在方案中牵头 {len(by_role['lead'])} 项任务、配合 {len(by_role['support'])} 项，及其牵头目标的公开数字和状态。"
    return Page(page.path, page.title, join(parts), description)


def role_counts(by_role: dict[str, list[dict]]) -> Markup:
    """牵头 N 项任务，配合 M 项; a responsible body (责任主体) answers for its area, which is not a count of work."""
    return Markup("牵头 {} 项任务，配合 {} 项{}").format(
        len(by_role["lead"]), len(by_role["support"]), "，并作为责任主体负属地责任" if by_role["responsible_body"] else ""
    )


def led_count(page: Page, unit: dict, led: list[dict]) -> Markup:
    """How many targets the unit leads, with the board filtered to them (the board shows the same count)."""
    if not led:
        return m.EMPTY
    return Markup("；牵头任务共有 {} 项量化目标（{}）").format(len(led), m.link("在目标一览中查看", lead_link(page, unit["id"])))


def provenance(unit: dict) -> Markup:
    """Where the unit's full name comes from and whether it has been renamed, when the package records it."""
    facts = []
    if unit.get("full_name_source"):
        facts.append(Markup("全称来源：{}").format(m.text(unit["full_name_source"])))
    if unit.get("current_name"):
        renamed = Markup("，{}更名").format(m.text(str(unit["renamed_on"]))) if unit.get("renamed_on") else ""
        facts.append(Markup("现名：{}{}").format(m.text(unit["current_name"]), renamed))
    return Markup('<p class="provenance">{}。</p>').format(m.html_join(facts, "。")) if facts else m.EMPTY


def responsible_body_block(ctx: SiteContext, page: Page, tasks: list[dict]) -> Markup:
    heading = m.heading(2, "作为责任主体的任务", "responsible-body")
    return m.block(heading, p.responsible_body_note(ctx, page, tasks), p.tasks_by_group(ctx, page, tasks))


def not_seen_block(ctx: SiteContext, page: Page, led: list[dict]) -> Markup:
    """Per indicator, the finished years its targets need a city full-year figure for and have none (the progress
    stage's unpublished_years, the same list the indicator page names): one row, years in one cell."""
    rows = []
    for ind in led:
        years = ctx.results[ind["id"]].unpublished_years
        if years:
            rows.append([p.indicator_link(page, ind), m.text("、".join(f"{y}年" for y in years))])
    if not rows:
        return m.EMPTY
    return m.block(
        m.heading(2, NOT_SEEN_LABEL, "not-seen"),
        Markup(
            "<p>数据版本 {}（{}）收录的数字中，以下指标判断目标所需的、到 {} 已经结束的年份，还没有公开发布的全市全年数字。"
            "这说明数字尚未公开或尚未找到，不说明工作没有完成。</p>"
        ).format(m.text(ctx.catalog.package.version), m.text(ctx.results.as_of.isoformat()),
                 m.text(ctx.results.today.isoformat())),
    ) + "\n\n" + m.table(["指标", "尚无全年数字的年份"], rows)
