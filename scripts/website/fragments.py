"""HTML fragments that the hand-written pages (home, methodology, about) insert through mkdocs-macros."""

from __future__ import annotations

import datetime
import os

from markupsafe import Markup

from scripts.core.words import NO_DATA_LABELS, READER_STATUS_LABELS, reader_status_meanings
from scripts.progress.method import worked_examples
from scripts.website import markup as m
from scripts.website.pages import Page, SiteWriter, pieces
from scripts.website.pages.board import status_strip


def chinese_date(value) -> str:
    date = datetime.date.fromisoformat(str(value)[:10])
    return f"{date.year}年{date.month}月{date.day}日"


def build_fragments(writer: SiteWriter) -> dict[str, Markup]:
    ctx = writer.context
    catalog = ctx.catalog
    home = Page("index.md", "首页", "")
    headline = [i for i in catalog.indicators.values() if i.get("headline")]
    deciding = [i for i in catalog.indicators if ctx.status_code(i) != "no_data"]
    legend = m.table(
        ["状态", "含义"], [[m.status_badge(code, label), m.text(reader_status_meanings()[code])] for code, label in READER_STATUS_LABELS.items()]
    )
    method = Page("methodology.md", "方法说明", "")
    return {
        "plan-intro": plan_intro(catalog),
        "status-strip": status_strip(ctx, home, link=True),
        "data-facts": data_facts(ctx),
        # The dashboard compares figures with targets: with no status to draw it would be empty bars.
        "dashboard": pieces.chart(ctx, home, "dashboard", "核心指标完成进度") if deciding else m.EMPTY,
        "headline-table": pieces.indicator_table(ctx, home, headline),
        "status-legend": legend,
        "worked-examples": worked_examples_html(method, catalog.package.plan),
        "plan-link": m.source_link(f"《{catalog.package.plan.get('title', '')}》", catalog.package.plan.get("url")),
        "contact": contact(repository_url()),
        "licence": licence(catalog.package.descriptor),
    }


def repository_url() -> str | None:
    """The code repository's address: REPOSITORY_URL, or the one GitHub Actions names; None on a local build."""
    explicit = m.safe_url(os.environ.get("REPOSITORY_URL"))
    if explicit:
        return explicit.rstrip("/")
    server, repository = os.environ.get("GITHUB_SERVER_URL"), os.environ.get("GITHUB_REPOSITORY")
    return m.safe_url(f"{server}/{repository}") if server and repository else None


def contact(repository: str | None) -> Markup:
    """How to report an error or propose a figure: the repository's issue form and CONTRIBUTING."""
    if repository:
        issue = m.link("在代码仓库提交问题（Issue）", f"{repository}/issues/new/choose", external=True)
        guide = m.link("贡献指南 CONTRIBUTING.md", f"{repository}/blob/main/CONTRIBUTING.md", external=True)
    else:
        issue, guide = m.text("在本站代码仓库提交问题（Issue）"), m.text("仓库中的贡献指南 CONTRIBUTING.md")
    return Markup(
        "<ul><li>发现错误（数字、来源、责任单位、错别字）：请{}，写明页面地址、哪里不对，以及能证明的公开来源网址。</li>"
        "<li>发现新的公开数字：同样提交问题，附上发布单位、发布日期和网址；熟悉表格的朋友也可以按{}直接修改 CSV 文件并提交合并请求。</li>"
        "<li>我们只收录能公开查到的数字，每一处修改都经过核对后发布。</li></ul>"
    ).format(issue, guide)


def licence(descriptor: dict) -> Markup:
    """The data package's licences as stated in its descriptor."""
    items = [m.source_link(f"{lic.get('title') or lic.get('name')}（{lic.get('name', '')}）", lic.get("path")) for lic in descriptor.get("licenses", [])]
    stated = Markup("数据包以{}许可开放，可自由使用，请注明来源。").format(m.html_join(items, "、")) if items else m.text("数据包的许可见数据下载页。")
    issuer = m.text(descriptor.get("plan", {}).get("issuer", "发文机关"))
    return Markup("<p>{}方案原文版权归{}。各数字的版权归其发布单位，本站只记录数字并注明出处。</p>").format(stated, issuer)


def plan_intro(catalog) -> Markup:
    plan = catalog.package.plan
    groups = [g for section, g, _ in catalog.groups() if section == "key_task"]
    key_tasks = [t for t in catalog.tasks.values() if t["section"] == "key_task"]
    policies = [t for t in catalog.tasks.values() if t["section"] == "policy"]
    organisation = [t for t in catalog.tasks.values() if t["section"] == "organisation"]
    headline = [i for i in catalog.indicators.values() if i.get("headline")]
    plan_link = m.source_link(f"《{plan.get('title', '')}》", plan.get("url"))
    return Markup(
        "<p>{issuer}于{signed}印发{plan_link}（{number}），提出到 {end} 年实现 {headline} 项核心目标，"
        "部署{actions}{groups}大攻坚行动共 {key_tasks} 项重点任务，"
        "配套 {policies} 项政策措施和 {organisation} 项组织实施安排，每项都列明了牵头单位和配合单位。"
        "方案实施期为 {start}—{end} 年，有效期至 {expires}，现已到期；"
        "本站把方案的目标、任务和责任单位整理成开放数据，对照公开发布的数字逐项标出进展。</p>"
    ).format(
        issuer=m.text(plan.get("issuer", "")),
        signed=m.text(chinese_date(plan["signed"]) if plan.get("signed") else ""),
        plan_link=plan_link,
        number=m.text(plan.get("document_number", "")),
        end=m.text(plan.get("end_year", "")),
        headline=len(headline),
        actions=m.text("、".join(g.removesuffix("攻坚行动") for g in groups)),
        groups=len(groups),
        key_tasks=len(key_tasks),
        policies=len(policies),
        organisation=len(organisation),
        start=m.text(plan.get("start_year", "")),
        expires=m.text(chinese_date(plan["expires"]) if plan.get("expires") else ""),
    )


def data_facts(ctx) -> Markup:
    """One sentence whose parts add up to the number of indicators."""
    catalog = ctx.catalog
    counts = ctx.standing_counts(catalog.indicators)
    no_data_groups = tuple(NO_DATA_LABELS)
    deciding = sum(n for code, n in counts.items() if code not in no_data_groups)
    parts = [f"{deciding} 项有可判断状态的全年数字"]
    parts += [f"{counts[code]} 项{READER_STATUS_LABELS[code]}" for code in no_data_groups if counts[code]]
    return Markup("<p>数据版本 <strong>{}</strong>（{}）。共 {} 项指标：{}。</p>").format(
        m.text(catalog.package.version), m.text(chinese_date(catalog.as_of)), len(catalog.indicators), m.text("；".join(parts))
    )


def worked_examples_html(page: Page, plan: dict) -> Markup:
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
