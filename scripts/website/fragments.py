"""HTML fragments that the hand-written pages (home, methodology, about) insert through mkdocs-macros.

A fragment may stand inline in a hand-written page (the plan's link is in a list item of about.md), where Markdown
reads the text around and inside it: every fragment is made inert (markup.inert), so descriptor strings such as
the plan's title or address can form no link, emphasis or attribute list there, whatever they hold.
"""

from __future__ import annotations

import datetime
import os
import re

from markupsafe import Markup

from scripts.core.words import (
    CANNOT_JUDGE,
    DASHBOARD_TITLES,
    FINAL_STATUS_LABELS,
    NO_DATA_LABELS,
    PLAN_INTRO_DUTIES,
    PLAN_INTRO_STATE,
    READER_STATUS_LABELS,
    STATUS_LABELS,
    reader_status_meanings,
)
from scripts.progress.examples import worked_examples
from scripts.website import markup as m
from scripts.website.pages import Page, SiteWriter, pieces
from scripts.website.pages.board import status_strip

REPOSITORY_NAME = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")  # owner/name, as GitHub Actions gives it


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
        ["状态", "含义"], [[m.status_badge(code, label), m.text(reader_status_meanings(ctx.ended)[code])] for code, label in ctx.status_labels().items()]
    )
    method = Page("methodology.md", "方法说明", "")
    fragments = {
        "plan-intro": plan_intro(catalog, ctx.ended),
        "status-strip": status_strip(ctx, home, link=True),
        "data-facts": data_facts(ctx),
        # The dashboard compares figures with targets: with no status to draw it would be empty bars.
        "dashboard": pieces.chart(ctx, home, "dashboard", DASHBOARD_TITLES["ended" if ctx.ended else "running"]) if deciding else m.EMPTY,
        "headline-table": pieces.indicator_table(ctx, home, headline),
        "status-legend": legend,
        "plan-state": plan_state(ctx),
        "worked-examples": worked_examples_html(method, catalog.package.plan),
        "plan-link": m.source_link(f"《{catalog.package.plan.get('title', '')}》", catalog.package.plan.get("url")),
        "contact": contact(repository_url()),
        "licence": licence(catalog.package.descriptor),
    }
    inert = {name: m.inert(fragment) for name, fragment in fragments.items()}
    # The status words the hand-written pages say through {{ label("…") }} (scripts/website/mkdocs/macros.py).
    inert["labels"] = {code: m.inert(m.text(label)) for code, label in {**STATUS_LABELS, **READER_STATUS_LABELS, **FINAL_STATUS_LABELS}.items()}
    return inert


def plan_state(ctx) -> Markup:
    """Whether readers get a final report card or a pace, said from the plan's dates and the build date."""
    plan, labels = ctx.catalog.package.plan, ctx.status_labels()
    end = m.text(chinese_date(plan["expires"]) if plan.get("expires") else f"{plan.get('end_year', '')}年底")
    words = "、".join(f"“{label}”" for label in labels.values())
    if ctx.ended:
        pace = "、".join(f"“{STATUS_LABELS[code]}”" for code in ("on_track", "behind", "off_track"))
        return Markup("<p>方案期已于{}结束，网站给出的是<strong>最终结果</strong>：每项目标只有{}三种，"
                      "“{}”的写明缺哪一年的全市全年数字，以及已有的全年数字说明了什么。方案期内使用的{}只说明当时的进度，"
                      "方案期结束后不再作为结论显示；<code>progress.csv</code> 仍然给出按已有数字算出的进度比，供核对。</p>"
                      ).format(end, m.text(words), m.text(FINAL_STATUS_LABELS[CANNOT_JUDGE]), m.text(pace))
    final = "、".join(FINAL_STATUS_LABELS.values())
    return Markup("<p>方案期到{}结束。结束之前，网站按已公布的全年数字给出进度：{}；结束之后改为最终结果（{}）。</p>"
                  ).format(end, m.text(words), m.text(final))


def repository_url() -> str | None:
    """The code repository's address: REPOSITORY_URL, or the one GitHub Actions names (GITHUB_REPOSITORY on
    GITHUB_SERVER_URL, github.com if unset); None on a local build without either."""
    explicit = m.safe_url(os.environ.get("REPOSITORY_URL"))
    if explicit:
        return explicit.rstrip("/")
    repository = os.environ.get("GITHUB_REPOSITORY") or ""
    if not REPOSITORY_NAME.fullmatch(repository):
        return None
    server = m.safe_url(os.environ.get("GITHUB_SERVER_URL")) or "https://github.com"
    return f"{server.rstrip('/')}/{repository}"


def contact(repository: str | None) -> Markup:
    """How to report an error or propose a figure: the repository's issue form and CONTRIBUTING; a site built
    without a repository address says so and how to get one, instead of a link that is not there."""
    if repository:
        issue = m.external_link("在代码仓库提交问题（Issue）", f"{repository}/issues/new/choose")
        guide = m.external_link("贡献指南 CONTRIBUTING.md", f"{repository}/blob/main/CONTRIBUTING.md")
        missing = m.EMPTY
    else:
        issue, guide = m.text("在本站代码仓库提交问题（Issue）"), m.text("仓库中的贡献指南 CONTRIBUTING.md")
        missing = Markup(
            "<li>这份网站构建时没有设置代码仓库的地址，所以上面没有链接：请向提供这份网站的人要仓库地址。"
            "构建网站的人设置环境变量 <code>REPOSITORY_URL</code>（仓库的网址）后重新构建，这里就会出现提交问题的链接。</li>"
        )
    return Markup(
        "<ul><li>发现错误（数字、来源、责任单位、错别字）：请{}，写明页面地址、哪里不对，以及能证明的公开来源网址。</li>"
        "<li>发现新的公开数字：同样提交问题，附上发布单位、发布日期和网址；熟悉表格的朋友也可以按{}直接修改 CSV 文件并提交合并请求。</li>"
        "{}<li>我们只收录能公开查到的数字，每一处修改都经过核对后发布。</li></ul>"
    ).format(issue, guide, missing)


def licence(descriptor: dict) -> Markup:
    """The data package's licences as stated in its descriptor."""
    items = [m.source_link(_licence_label(lic), lic.get("path")) for lic in descriptor.get("licenses", [])]
    stated = Markup("数据包以{}许可开放，可自由使用，请注明来源。").format(m.html_join(items, "、")) if items else m.text("数据包的许可见数据下载页。")
    issuer = m.text(descriptor.get("plan", {}).get("issuer", "发文机关"))
    return Markup("<p>{}方案原文版权归{}。各数字的版权归其发布单位，本站只记录数字并注明出处。</p>").format(stated, issuer)


def _licence_label(lic: dict) -> str | None:
    """知识共享 署名 4.0 国际（CC-BY-4.0); a licence may give only a name or only a path (then the address is the label)."""
    title, name = lic.get("title"), lic.get("name")
    return f"{title}（{name}）" if title and name and title != name else title or name or None


def plan_intro(catalog, ended: bool) -> Markup:
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
        "配套 {policies} 项政策措施和 {organisation} 项组织实施安排。{duties}{state}</p>"
    ).format(
        duties=PLAN_INTRO_DUTIES,
        state=Markup(PLAN_INTRO_STATE["ended" if ended else "running"]).format(
            start=m.text(plan.get("start_year", "")), end=m.text(plan.get("end_year", "")),
            expires=m.text(chinese_date(plan["expires"]) if plan.get("expires") else "")),
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
    )


def data_facts(ctx) -> Markup:
    """One sentence whose parts add up to the number of indicators."""
    catalog = ctx.catalog
    counts, labels = ctx.results.count_statuses(catalog.indicators), ctx.status_labels()
    if ctx.ended:  # the final report card: every status, zero included, adding up to the indicators
        parts = [f"{labels[code]} {n} 项" for code, n in counts.items()]
    else:
        no_data_groups = tuple(NO_DATA_LABELS)
        deciding = sum(n for code, n in counts.items() if code not in no_data_groups)
        parts = [f"{deciding} 项有可判断状态的全年数字"]
        parts += [f"{counts[code]} 项{labels[code]}" for code in no_data_groups if counts[code]]
    return Markup("<p>数据版本 <strong>{}</strong>（{}）。共 {} 项指标：{}。</p>").format(
        m.text(catalog.package.version), m.text(chinese_date(ctx.results.as_of)), len(catalog.indicators), m.text("；".join(parts))
    )


def worked_examples_html(page: Page, plan: dict) -> Markup:
    rows = [
        [
            m.text(example["kind_label"]),
            m.text(example["targets_text"]),
            m.text(example["figures_text"]),
            m.text(example["explanation"]) + (m.tag("ul", m.html_join(m.tag("li", v) for v in example["verdicts"]))
                                              if example["verdicts"] else m.EMPTY),
            m.status_badge(example["status"], example["status_label"]),
        ]
        for example in worked_examples(plan)
    ]
    return m.table(["目标类型", "目标", "数字", "计算", "结果"], rows)
