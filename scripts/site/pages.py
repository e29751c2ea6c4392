"""Generated pages and the navigation: one Markdown file per indicator, task, unit and area."""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass

from scripts.site import markup as m
from scripts.core.words import (
    AREA_KIND_LABELS,
    COMPARATOR_WORDS,
    DATA_STATUS_LABELS,
    DIRECTION_LABELS,
    KIND_LABELS,
    REPORT_STATUS_LABELS,
    ROLE_LABELS,
    SECTION_LABELS,
    STATUS_LABELS,
    UNIT_KIND_LABELS,
    number,
)
from scripts.site.catalog import Catalog
from scripts.core.periods import parse_period
from scripts.progress.method import count_statuses



@dataclass
class Page:
    path: str  # source path under docs/, e.g. "indicators/tax-per-mu.md"
    title: str  # plain text; escaped when written
    body: str

    @property
    def url_dir(self) -> str:
        """The page's URL directory with use_directory_urls, e.g. 'indicators/tax-per-mu/'."""
        stem = self.path[: -len(".md")]
        if stem == "index":
            return ""
        return (stem[: -len("/index")] if stem.endswith("/index") else stem) + "/"

    def markdown(self) -> str:
        # JSON is valid YAML, and with every non-ASCII character written as \\uXXXX the front matter is plain ASCII:
        # no character can make YAML refuse it (MkDocs would then drop it and render the title line as Markdown).
        return f"---\ntitle: {json.dumps(m.text(self.title), ensure_ascii=True)}\n---\n\n{self.body}\n"


def href(from_page: Page, target: str) -> str:
    """Relative link from a page to a site path such as 'tasks/action-1-1/' or 'charts/x.svg'."""
    base = from_page.url_dir or "."
    relative = posixpath.relpath(target, base)
    return relative + ("/" if target.endswith("/") and not relative.endswith("/") else "")


def indicator_path(indicator_id: str) -> str:
    return f"indicators/{indicator_id}/"


def task_path(task_id: str) -> str:
    return f"tasks/{task_id}/"


def unit_path(unit_id: str) -> str:
    return f"units/{unit_id}/"


def area_path(area_id: str) -> str:
    return f"areas/{area_id}/"


class SiteWriter:
    """Builds every generated page from the catalog, progress results and chart names."""

    def __init__(self, catalog: Catalog, progress: dict, charts: dict[str, str]):
        self.c = catalog
        self.progress = progress
        self.charts = charts  # chart name -> text alternative, for charts that were rendered

    # ---- small formatted pieces -------------------------------------------------
    def status(self, indicator_id: str) -> str:
        result = self.progress.get(indicator_id)
        code = result.status if result else "no_data"
        return m.status_badge(code, STATUS_LABELS[code])

    def indicator_link(self, page: Page, indicator: dict) -> str:
        return m.link(indicator["name"], href(page, indicator_path(indicator["id"])))

    def task_link(self, page: Page, task: dict) -> str:
        return m.link(f"{task['number']} {task['title']}", href(page, task_path(task["id"])))

    def unit_link(self, page: Page, unit: dict) -> str:
        return m.link(unit["name"], href(page, unit_path(unit["id"])))

    def area_link(self, page: Page, area_id: str) -> str:
        return m.link(self.c.areas[area_id]["name"], href(page, area_path(area_id)))

    def target_text(self, indicator: dict) -> str:
        """The targets in words, e.g. 2021—2023年累计不低于1200家；每年不低于500台."""
        plan = self.c.package.plan
        targets = self.c.targets_of[indicator["id"]]
        kind, unit = indicator["target_kind"], indicator["unit"]
        if kind == "milestone":
            return m.text("；".join(f"{t['year']}年前实现" for t in targets))
        if kind in ("annual", "share") and len(targets) > 1 and len({(t["value"], t["comparator"]) for t in targets}) == 1:
            t = targets[0]
            years = f"{targets[0]['year']}—{targets[-1]['year']}年"
            return m.text(f"{years}每年{COMPARATOR_WORDS[t['comparator']]}{number(t['value'])}{unit}")
        words = {
            "cumulative": lambda t: f"{plan.get('start_year')}—{t['year']}年累计{COMPARATOR_WORDS[t['comparator']]}{number(t['value'])}{unit}",
            "average_growth": lambda t: f"{plan.get('start_year')}—{t['year']}年年均增长{COMPARATOR_WORDS[t['comparator']]}{number(t['value'])}{unit}",
            "reduction": lambda t: f"到{t['year']}年比{plan.get('base_year')}年累计下降{COMPARATOR_WORDS[t['comparator']]}{number(t['value'])}{unit}",
        }
        phrase = words.get(kind, lambda t: f"{t['year']}年{COMPARATOR_WORDS[t['comparator']]}{number(t['value'])}{unit}")
        return m.text("；".join(phrase(t) for t in targets))

    def status_counts(self, indicator_ids: list[str]) -> str:
        counts = count_statuses(self.progress[i].status if i in self.progress else "no_data" for i in indicator_ids)
        parts = [f"{m.status_badge(code, label)} {counts.get(code, 0)}" for code, label in STATUS_LABELS.items() if counts.get(code)]
        return " ".join(parts) if parts else "—"

    def indicator_table(self, page: Page, indicators: list[dict], *, caption: str | None = None) -> str:
        rows = []
        for ind in indicators:
            result = self.progress.get(ind["id"])
            latest = "—"
            if result and result.latest_period:
                latest = m.text(f"{number(result.latest_value)}{ind['unit']}（{parse_period(result.latest_period).label}）")
            rows.append([self.indicator_link(page, ind), self.target_text(ind), latest, self.status(ind["id"])])
        return m.table(["指标", "目标", "最新全年数字", "状态"], rows, caption=caption)

    def chart(self, page: Page, name: str, caption: str) -> str:
        if name not in self.charts:
            return ""
        img = f'<img src="{m.text(href(page, f"charts/{name}.svg"))}" alt="{m.text(self.charts[name])}" loading="lazy">'
        return (
            f'<figure class="chart">{img}<figcaption>{m.text(caption)}：{m.text(self.charts[name])} '
            f'{m.link("下载图表数据（CSV）", href(page, f"charts/{name}.csv"))}</figcaption></figure>'
        )

    # ---- pages ------------------------------------------------------------------
    def indicator_page(self, ind: dict) -> Page:
        page = Page(f"indicators/{ind['id']}.md", ind["name"], "")
        result = self.progress.get(ind["id"])
        task = self.c.tasks.get(ind.get("task_id") or "")
        facts = [
            ["状态", self.status(ind["id"]) + (f" {m.text(result.note)}" if result and result.note else "")],
            ["目标", self.target_text(ind)],
            ["目标类型", m.text(f"{KIND_LABELS[ind['target_kind']]}（{DIRECTION_LABELS[ind['direction']]}）")],
            ["计量单位", m.text(ind["unit"])],
        ]
        if result and result.pace_ratio is not None:
            facts.append(["进度比", m.text(number(result.pace_ratio, 2))])
        if result and result.expected_by_now is not None:
            facts.append(["按进度应达", m.text(f"{number(result.expected_by_now)}{ind['unit']}")])
        if ind.get("headline"):
            facts.append(["类别", "核心指标（方案“实施目标”）"])
        if task:
            facts.append(["所属任务", self.task_link(page, task)])
        rows = "".join(f'<tr><th scope="row">{m.text(k)}</th><td>{v}</td></tr>' for k, v in facts)
        parts = [m.block(f'<table class="facts"><tbody>{rows}</tbody></table>')]
        parts.append(m.block(
            m.heading(2, "方案原文", "clause"),
            f'<blockquote class="clause">{m.text(ind["clause"])}</blockquote>',
            f'<p class="note">{m.text(ind["note"])}</p>' if ind.get("note") else "",
        ))
        observations = self.c.observations_of[ind["id"]]
        parts.append(m.block(m.heading(2, "进展", "progress"), self.chart(page, ind["id"], f"{ind['name']}：进展与目标")))
        if observations:
            rows = [
                [
                    m.text(parse_period(o["period"]).label + ("" if parse_period(o["period"]).full_year else "（阶段性数字）")),
                    self.area_link(page, o["area_id"]),
                    m.text(f"{number(o['value'])}{ind['unit']}"),
                    m.text(DATA_STATUS_LABELS[o["status"]]),
                    m.source_link(o["source"], o["source_url"]),
                    m.text(o["published"].isoformat() if o.get("published") else "未注明"),
                    m.text(o.get("note") or ""),
                ]
                for o in observations
            ]
            parts.append(m.table(["时期", "区域", "数值", "数据状态", "来源", "发布日期", "说明"], rows, caption="公开发布的数字"))
        else:
            parts.append(m.block(f'<p class="no-data"><strong>暂无公开数据。</strong>截至数据版本 {m.text(self.c.package.version)}（{m.text(self.c.as_of.isoformat())}），尚未收录到这项指标的公开发布数字。我们不估算、不补填；有公开来源后将在这里列出。</p>'))
        parts.append(self.responsibility_block(page, task))
        return Page(page.path, page.title, "\n\n".join(p for p in parts if p))

    def responsibility_block(self, page: Page, task: dict | None) -> str:
        if not task:
            return m.block(m.heading(2, "责任单位", "units"), "<p>方案在“实施目标”中提出这项指标，未单列责任单位。</p>")
        items = []
        for role in ("lead", "support", "responsible_body"):
            units = self.c.units_by_role(task["id"], role)
            if units:
                items.append(f"<li><strong>{m.text(ROLE_LABELS[role])}</strong>：{'、'.join(self.unit_link(page, u) for u in units)}</li>")
        return m.block(m.heading(2, "责任单位", "units"), f"<p>通过所属任务 {self.task_link(page, task)}：</p>", f"<ul>{''.join(items)}</ul>")

    def task_page(self, task: dict) -> Page:
        page = Page(f"tasks/{task['id']}.md", f"{task['number']} {task['title']}", "")
        lead = self.c.lead_of(task["id"])
        roles = []
        for role in ("lead", "support", "responsible_body"):
            units = self.c.units_by_role(task["id"], role)
            if units:
                cls = ' class="lead"' if role == "lead" else ""
                roles.append(f"<li{cls}><strong>{m.text(ROLE_LABELS[role])}</strong>：{'、'.join(self.unit_link(page, u) for u in units)}</li>")
        parts = [
            m.block(
                f'<p class="meta">{m.text(SECTION_LABELS[task["section"]])} · {m.text(task["group"])} · 原文序号 {m.text(task["number"])}</p>',
                f'<p class="lead-unit">牵头单位：<strong>{self.unit_link(page, lead) if lead else "未列明"}</strong></p>',
                m.heading(2, "方案原文", "clause"),
                f'<blockquote class="clause"><p><strong>{m.text(task["title"])}。</strong>{m.text(task["text"])}</p><p>{m.text(task["responsibility_text"])}</p></blockquote>',
                m.heading(2, "责任单位", "units"),
                f"<ul>{''.join(roles)}</ul>",
            )
        ]
        indicators = self.c.indicators_of_task[task["id"]]
        if indicators:
            parts.append(m.block(m.heading(2, "量化目标", "indicators"), f"<p>{self.status_counts([i['id'] for i in indicators])}</p>"))
            parts.append(self.indicator_table(page, indicators))
        else:
            parts.append(m.block(m.heading(2, "量化目标", "indicators"), "<p>这项任务没有量化目标。</p>"))
        parts.append(self.reports_block(page, self.c.reports_of_task[task["id"]], by="unit"))
        return Page(page.path, page.title, "\n\n".join(parts))

    def reports_block(self, page: Page, reports: list[dict], *, by: str) -> str:
        heading = m.heading(2, "单位自报进展", "reports")
        if not reports:
            return m.block(heading, "<p>暂无责任单位发布的进展报告。</p>")
        rows = []
        for r in reports:
            who = self.unit_link(page, self.c.units[r["unit_id"]]) if by == "unit" else self.task_link(page, self.c.tasks[r["task_id"]])
            rows.append([
                m.text(parse_period(r["period"]).label), who,
                m.status_badge("report-" + r["reported_status"], REPORT_STATUS_LABELS[r["reported_status"]]),
                m.text(r["summary"]), m.source_link("来源", r["source_url"]),
                m.text(r["published"].isoformat() if r.get("published") else "未注明"),
            ])
        header = ["时期", "单位" if by == "unit" else "任务", "自报状态", "摘要", "来源", "发布日期"]
        return m.block(heading, "<p>以下为单位自己报告的状态，与上方按公开数字计算的状态并列，不代替后者。</p>") + "\n\n" + m.table(header, rows)

    def unit_page(self, unit: dict) -> Page:
        page = Page(f"units/{unit['id']}.md", unit["name"], "")
        by_role: dict[str, list[dict]] = {"lead": [], "support": [], "responsible_body": []}
        for task, role in self.c.tasks_of_unit[unit["id"]]:
            by_role[role].append(task)
        led = self.c.indicators_led_by(unit["id"])
        parts = [m.block(
            f'<p class="meta">{m.text(unit["full_name"])} · {m.text(UNIT_KIND_LABELS[unit["kind"]])}</p>',
            f'<p>牵头 {len(by_role["lead"])} 项任务，配合 {len(by_role["support"])} 项'
            + (f'，作为责任主体负责 {len(by_role["responsible_body"])} 项' if by_role["responsible_body"] else "") + "。</p>",
        )]
        for role, heading in (("lead", "牵头的任务"), ("support", "配合的任务"), ("responsible_body", "作为责任主体的任务")):
            tasks = by_role[role]
            if not tasks and role == "responsible_body":
                continue
            items = "".join(f"<li>{self.task_link(page, t)}</li>" for t in tasks) or "<li>无</li>"
            parts.append(m.block(m.heading(2, heading, role.replace("_", "-")), f"<ul>{items}</ul>"))
        parts.append(m.block(m.heading(2, "牵头任务的量化目标", "indicators"), f"<p>{self.status_counts([i['id'] for i in led])}</p>" if led else "<p>牵头的任务没有量化目标。</p>"))
        if led:
            parts.append(self.indicator_table(page, led))
            overdue = [(i, self.c.missing_years(i["id"])) for i in led]
            overdue = [(i, years) for i, years in overdue if years]
            if overdue:
                rows = [[self.indicator_link(page, i), m.text("、".join(f"{y}年" for y in years))] for i, years in overdue]
                parts.append(m.block(
                    m.heading(2, "逾期未见数字", "overdue"),
                    f"<p>截至 {m.text(self.c.as_of.isoformat())}，以下指标在已结束的年份没有公开的全年数字：</p>",
                ) + "\n\n" + m.table(["指标", "缺少全年数字的年份"], rows))
        parts.append(self.reports_block(page, self.c.reports_of_unit[unit["id"]], by="task"))
        return Page(page.path, page.title, "\n\n".join(parts))

    def area_page(self, area: dict) -> Page:
        page = Page(f"areas/{area['id']}.md", area["name"], "")
        observations = self.c.observations_in_area[area["id"]]
        parts = [m.block(f'<p class="meta">{m.text(AREA_KIND_LABELS[area["kind"]])}</p>'), m.heading(2, "公开数字", "figures")]
        if not observations:
            parts.append(m.block("<p><strong>暂无公开数据。</strong>尚未收录到这个区域的公开发布数字。</p>"))
        else:
            rows = []
            for o in observations:
                ind = self.c.indicators[o["indicator_id"]]
                period = parse_period(o["period"])
                rows.append([
                    self.indicator_link(page, ind),
                    m.text(period.label + ("" if period.full_year else "（阶段性数字）")),
                    m.text(f"{number(o['value'])}{ind['unit']}"),
                    m.text(DATA_STATUS_LABELS[o["status"]]),
                    m.source_link(o["source"], o["source_url"]),
                ])
            parts.append(m.table(["指标", "时期", "数值", "数据状态", "来源"], rows, caption=f"{area['name']}公开发布的数字"))
        return Page(page.path, page.title, "\n\n".join(parts))

    # ---- overview pages ---------------------------------------------------------
    def headline_index(self) -> Page:
        page = Page("headline/index.md", "核心指标", "")
        headline = [i for i in self.c.indicators.values() if i.get("headline")]
        body = [
            m.block(f"<p>方案“实施目标”提出的 {len(headline)} 项核心指标，目标年份为 {m.text(self.c.package.plan.get('end_year', ''))} 年。</p>"),
            m.heading(2, "完成进度", "dashboard"),
            self.chart(page, "dashboard", "核心指标完成进度"),
            m.heading(2, "指标一览", "list"),
            self.indicator_table(page, headline),
        ]
        return Page(page.path, page.title, "\n\n".join(b for b in body if b))

    def indicators_index(self) -> Page:
        page = Page("indicators/index.md", "任务指标", "")
        parts = [m.block("<p>各项重点任务、政策措施中提出的量化目标，按所属行动分组。</p>")]
        for position, (section, group, tasks) in enumerate(self.c.groups(), start=1):
            indicators = [i for t in tasks for i in self.c.indicators_of_task[t["id"]] if not i.get("headline")]
            if indicators:
                parts.append(m.heading(2, group, f"group-{position}"))
                parts.append(self.indicator_table(page, indicators))
        parts.append(m.block(m.heading(2, "各行动指标状态", "by-group"), self.chart(page, "status-by-group", "各行动指标状态")))
        rows = []
        for section, group, tasks in self.c.groups():
            ids = [i["id"] for t in tasks for i in self.c.indicators_of_task[t["id"]]]
            if ids:
                counts = count_statuses(self.progress[i].status if i in self.progress else "no_data" for i in ids)
                rows.append([m.text(group), m.text(str(len(ids))), *(m.text(str(counts[code])) for code in STATUS_LABELS)])
        parts.append(m.table(["行动", "指标数", *STATUS_LABELS.values()], rows, caption="各行动指标状态（与上图数字相同）"))
        return Page(page.path, page.title, "\n\n".join(p for p in parts if p))

    def tasks_index(self) -> Page:
        page = Page("tasks/index.md", "全部任务", "")
        parts = [m.block("<p>方案的全部任务：四大攻坚行动各5项重点任务、政策措施和组织实施。列第一位的为牵头单位。</p>")]
        for position, (section, group, tasks) in enumerate(self.c.groups(), start=1):
            rows = []
            for t in tasks:
                lead = self.c.lead_of(t["id"])
                ids = [i["id"] for i in self.c.indicators_of_task[t["id"]]]
                rows.append([self.task_link(page, t), self.unit_link(page, lead) if lead else "—", self.status_counts(ids) if ids else "无量化目标"])
            parts.append(m.heading(2, group, f"group-{position}"))
            parts.append(m.table(["任务", "牵头单位", "量化目标状态"], rows))
        return Page(page.path, page.title, "\n\n".join(parts))

    def units_index(self) -> Page:
        page = Page("units/index.md", "全部责任单位", "")
        parts = [m.block("<p>每个单位牵头和配合的任务数，以及其牵头任务下量化目标的状态。</p>"), self.chart(page, "status-by-unit", "各牵头单位指标状态")]
        for kind, label in UNIT_KIND_LABELS.items():
            units = [u for u in self.c.units.values() if u["kind"] == kind]
            if not units:
                continue
            rows = []
            for u in units:
                roles = [r for _, r in self.c.tasks_of_unit[u["id"]]]
                led = [i["id"] for i in self.c.indicators_led_by(u["id"])]
                counts = [m.text(str(roles.count(role))) for role in ("lead", "support", "responsible_body")]
                rows.append([self.unit_link(page, u), *counts, self.status_counts(led) if led else "—"])
            parts.append(m.heading(2, label, kind.replace("_", "-")))
            parts.append(m.table(["单位", "牵头任务", "配合任务", "作为责任主体", "牵头任务的指标状态"], rows))
        return Page(page.path, page.title, "\n\n".join(p for p in parts if p))

    def areas_index(self) -> Page:
        page = Page("areas/index.md", "区县", "")
        rows = [[self.area_link(page, a["id"]), m.text(AREA_KIND_LABELS[a["kind"]]), m.text(str(len(self.c.observations_in_area[a["id"]])))] for a in self.c.areas.values()]
        parts = [m.block("<p>方案以各县（市、区）和两个平台为责任主体，并建立“赛马”机制（月度监测、季度通报、年度考核）。这里列出分区域的公开数字；两个以上区域对同一指标、同一时期有数字时给出排名。</p>"), m.table(["区域", "类型", "收录数字"], rows)]
        rankings = self.c.rankings()
        parts.append(m.block(m.heading(2, "赛马排名", "ranking"), "" if rankings else "<p>暂无两个以上区域对同一指标同一时期的公开数字，因此没有排名。</p>"))
        for position, r in enumerate(rankings, start=1):
            ind = self.c.indicators[r.indicator_id]
            rows = [[m.text(str(row["rank"])), self.area_link(page, row["area_id"]), m.text(f"{number(row['value'])}{ind['unit']}"), m.text(DATA_STATUS_LABELS[row["status"]])] for row in r.rows]
            caption = f"{ind['name']}（{parse_period(r.period).label}，{DIRECTION_LABELS[ind['direction']]}）"
            parts.append(m.heading(3, ind["name"], f"ranking-{position}"))
            parts.append(m.block(f"<p>指标页：{self.indicator_link(page, ind)}</p>"))
            parts.append(m.table(["名次", "区域", "数值", "数据状态"], rows, caption=caption))
        return Page(page.path, page.title, "\n\n".join(p for p in parts if p))

    def pages(self) -> list[Page]:
        result = [self.headline_index(), self.indicators_index(), self.tasks_index(), self.units_index(), self.areas_index()]
        result += [self.indicator_page(i) for i in self.c.indicators.values()]
        result += [self.task_page(t) for t in self.c.tasks.values()]
        result += [self.unit_page(u) for u in self.c.units.values()]
        result += [self.area_page(a) for a in self.c.areas.values()]
        return result

    # ---- navigation -------------------------------------------------------------
    def nav(self) -> list:
        """The nav, grouped so that each page's sidebar (with navigation.prune) stays small."""
        e = m.text  # nav titles reach the theme unescaped: escape them here
        headline = [{e(i["name"]): f"indicators/{i['id']}.md"} for i in self.c.indicators.values() if i.get("headline")]
        task_indicator_groups = []
        for section, group, tasks in self.c.groups():
            items = [{e(i["name"]): f"indicators/{i['id']}.md"} for t in tasks for i in self.c.indicators_of_task[t["id"]] if not i.get("headline")]
            if items:
                task_indicator_groups.append({e(group): items})
        key_task_groups, policy, organisation = [], [], []
        for section, group, tasks in self.c.groups():
            items = [{e(f"{t['number']} {t['title']}"): f"tasks/{t['id']}.md"} for t in tasks]
            if section == "key_task":
                key_task_groups.append({e(group): items})
            elif section == "policy":
                policy += items
            else:
                organisation += items
        unit_groups = []
        for kind, label in UNIT_KIND_LABELS.items():
            items = [{e(u["name"]): f"units/{u['id']}.md"} for u in self.c.units.values() if u["kind"] == kind]
            if items:
                unit_groups.append({label: items})
        nav = [
            {"首页": "index.md"},
            {"核心指标": ["headline/index.md", *headline]},
            {"任务指标": ["indicators/index.md", *task_indicator_groups]},
            {"重点任务": ["tasks/index.md", *key_task_groups]},
        ]
        if policy:
            nav.append({"政策措施": policy})
        if organisation:
            nav.append({"组织实施": organisation})
        nav += [
            {"责任单位": ["units/index.md", *unit_groups]},
            {"区县": ["areas/index.md", *[{e(a["name"]): f"areas/{a['id']}.md"} for a in self.c.areas.values()]]},
            {"数据下载": "downloads.md"},
            {"方法说明": "methodology.md"},
            {"更新记录": "changelog.md"},
        ]
        return nav
