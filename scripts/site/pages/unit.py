"""The page of one responsible unit: the tasks it leads, supports or answers for, and the targets it leads."""

from __future__ import annotations

from scripts.core.words import UNIT_KIND_LABELS
from scripts.site import markup as m
from scripts.site.pages import pieces as p
from scripts.site.pages.context import SiteContext
from scripts.site.pages.page import Page, join


def unit_page(ctx: SiteContext, unit: dict) -> Page:
    c = ctx.catalog
    page = Page(f"units/{unit['id']}.md", unit["name"], "")
    by_role: dict[str, list[dict]] = {"lead": [], "support": [], "responsible_body": []}
    for task, role in c.tasks_of_unit[unit["id"]]:
        by_role[role].append(task)
    led = c.indicators_led_by(unit["id"])
    parts = [m.block(
        f'<p class="meta">{m.text(unit["full_name"])} · {m.text(UNIT_KIND_LABELS[unit["kind"]])}</p>',
        f'<p>牵头 {len(by_role["lead"])} 项任务，配合 {len(by_role["support"])} 项'
        + (f'，作为责任主体负责 {len(by_role["responsible_body"])} 项' if by_role["responsible_body"] else "") + "。</p>",
    )]
    for role, heading in (("lead", "牵头的任务"), ("support", "配合的任务"), ("responsible_body", "作为责任主体的任务")):
        tasks = by_role[role]
        if not tasks and role == "responsible_body":
            continue
        items = "".join(f"<li>{p.task_link(page, t)}</li>" for t in tasks) or "<li>无</li>"
        parts.append(m.block(m.heading(2, heading, role.replace("_", "-")), f"<ul>{items}</ul>"))
    parts.append(m.block(
        m.heading(2, "牵头任务的量化目标", "indicators"),
        f"<p>{p.status_counts(ctx, [i['id'] for i in led])}</p>" if led else "<p>牵头的任务没有量化目标。</p>",
    ))
    if led:
        parts.append(p.indicator_table(ctx, page, led))
        parts.append(overdue_block(ctx, page, led))
    parts.append(p.reports_block(ctx, page, c.reports_of_unit[unit["id"]], by="task"))
    return Page(page.path, page.title, join(parts))


def overdue_block(ctx: SiteContext, page: Page, led: list[dict]) -> str:
    c = ctx.catalog
    overdue = [(i, c.missing_years(i["id"])) for i in led]
    overdue = [(i, years) for i, years in overdue if years]
    if not overdue:
        return ""
    rows = [[p.indicator_link(page, i), m.text("、".join(f"{y}年" for y in years))] for i, years in overdue]
    return m.block(
        m.heading(2, "逾期未见数字", "overdue"),
        f"<p>截至 {m.text(c.as_of.isoformat())}，以下指标在已结束的年份没有公开的全年数字：</p>",
    ) + "\n\n" + m.table(["指标", "缺少全年数字的年份"], rows)
