"""HTML fragments that the hand-written pages (home, methodology) insert through mkdocs-macros."""

from __future__ import annotations

import datetime

from scripts.site import markup as m
from scripts.site.pages import Page, SiteWriter
from scripts.site.pages import pieces
from scripts.core.words import STATUS_LABELS, status_meanings
from scripts.progress.method import count_statuses, worked_examples

def chinese_date(value) -> str:
    date = datetime.date.fromisoformat(str(value)[:10])
    return f"{date.year}年{date.month}月{date.day}日"


def build_fragments(writer: SiteWriter) -> dict[str, str]:
    ctx = writer.context
    catalog = ctx.catalog
    package = catalog.package
    plan = package.plan
    home = Page("index.md", "首页", "")
    groups = [g for section, g, _ in catalog.groups() if section == "key_task"]
    key_tasks = [t for t in catalog.tasks.values() if t["section"] == "key_task"]
    policies = [t for t in catalog.tasks.values() if t["section"] == "policy"]
    organisation = [t for t in catalog.tasks.values() if t["section"] == "organisation"]
    headline = [i for i in catalog.indicators.values() if i.get("headline")]
    plan_link = m.source_link(f"《{plan.get('title', '')}》", plan.get("url"))
    intro = (
        f"<p>{m.text(plan.get('issuer', ''))}于{m.text(chinese_date(plan['signed']) if plan.get('signed') else '')}印发{plan_link}"
        f"（{m.text(plan.get('document_number', ''))}），提出到 {m.text(plan.get('end_year', ''))} 年实现 {len(headline)} 项核心目标，"
        f"部署{m.text('、'.join(g.removesuffix('攻坚行动') for g in groups))}{len(groups)}大攻坚行动共 {len(key_tasks)} 项重点任务，"
        f"配套 {len(policies)} 项政策措施和 {len(organisation)} 项组织实施安排，每项都列明了牵头单位和配合单位。"
        f"方案实施期为 {m.text(plan.get('start_year', ''))}—{m.text(plan.get('end_year', ''))} 年，有效期至 {m.text(chinese_date(plan['expires']) if plan.get('expires') else '')}，现已到期；"
        "本站把方案的目标、任务和责任单位整理成开放数据，对照公开发布的数字逐项标出进展。</p>"
    )
    results = ctx.progress
    with_any = [i for i in catalog.indicators if catalog.observations_of[i]]
    deciding = [i for i, r in results.items() if r.status != "no_data"]
    counts = count_statuses(r.status for r in results.values())
    facts = m.block(
        f"<p>数据版本 <strong>{m.text(package.version)}</strong>（{m.text(chinese_date(catalog.as_of))}）。"
        f"共 {len(catalog.indicators)} 项指标，其中 {len(with_any)} 项收录了公开数字，"
        f"{len(deciding)} 项有可判断状态的全年数字；其余 {len(catalog.indicators) - len(deciding)} 项暂无数据。</p>",
        "<p>" + " ".join(f"{m.status_badge(code, label)} {counts.get(code, 0)}" for code, label in STATUS_LABELS.items()) + "</p>",
    )
    legend = m.table(
        ["状态", "含义"], [[m.status_badge(code, label), m.text(status_meanings()[code])] for code, label in STATUS_LABELS.items()]
    )
    method = Page("methodology.md", "方法说明", "")
    return {
        "plan-intro": intro,
        "data-facts": facts,
        "dashboard": pieces.chart(ctx, home, "dashboard", "核心指标完成进度"),
        "headline-table": pieces.indicator_table(ctx, home, headline),
        "status-legend": legend,
        "worked-examples": worked_examples_html(method, plan),
    }


def worked_examples_html(page: Page, plan: dict) -> str:
    rows = [
        [
            m.text(example["kind_label"]),
            m.text(example["targets_text"]),
            m.text(example["figures_text"]),
            m.text(example["explanation"]),
            m.status_badge(example["status"], example["status_label"]),
        ]
        for example in worked_examples(plan)
    ]
    return m.table(["目标类型", "目标", "数字", "计算", "结果"], rows)
