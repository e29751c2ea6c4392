"""The built site, read as HTML files: pages, responsibility, escaping, downloads, and the safe swap."""

import csv
import html
import json
import re
import zipfile

import pytest

from scripts.pipeline.build import BuildFailed, build_site
from tests.conftest import fixture_package

# Markup that must never reach a page unescaped, and text that must appear exactly as typed.
HOSTILE_MARKUP = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]
HOSTILE_TEXT = [*HOSTILE_MARKUP, "[x](javascript:alert(1))", "{{ config }}", "{% raw %}{% endraw %}", "**bold**"]


# shipped_site, small_site and hostile_site are the session fixtures of tests/sitefixtures.py: each built once per run.


def page(site, path: str) -> str:
    return (site.root / path / "index.html").read_text(encoding="utf-8")


def visible_text(markup: str) -> str:
    """The article's text as a reader sees it: tags dropped, entities decoded."""
    article = markup[markup.index("<article"): markup.index("</article>")]
    return html.unescape(re.sub(r"<[^>]+>", "", article))


# Lead units written out from the plan text: the first unit in each (责任单位:…) list.
LEADS = {
    "action-1-1": "市经信局",
    "action-1-3": "市发改委",
    "action-1-4": "市资源规划局",
    "action-2-1": "市科技局",
    "action-2-4": "市经信局",
    "action-3-1": "市招商中心",
    "action-3-2": "市商务局",
    "action-3-4": "市金融办",
    "action-4-1": "市市场监管局",
    "policy-1": "市财政局",
    "policy-3": "市金融办",
    "policy-5": "市住建局",
    "policy-6": "市委人才办",
    "organisation-1": "市工业强市领导小组办公室",
    "organisation-2": "市经信局",
}


@pytest.mark.parametrize("task_id, lead", sorted(LEADS.items()))
def test_task_page_names_its_lead_unit(shipped_site, task_id, lead):
    text = visible_text(page(shipped_site, f"tasks/{task_id}"))
    assert f"牵头单位：{lead}" in text


def test_every_task_has_a_page_with_a_lead(shipped_site):
    pages = sorted(p.parent.name for p in (shipped_site.root / "tasks").glob("*/index.html"))
    assert len(pages) == 29
    for task_id in pages:
        assert "牵头单位：" in visible_text(page(shipped_site, f"tasks/{task_id}"))
        assert "未列明" not in visible_text(page(shipped_site, f"tasks/{task_id}"))


def test_unit_page_lists_tasks_it_leads_and_supports(shipped_site):
    text = visible_text(page(shipped_site, "units/economy-it"))
    led = text[text.index("牵头的任务"): text.index("配合的任务")]
    supported = text[text.index("配合的任务"):]
    assert "三(一)1 全面摸排高耗低效企业" in led
    assert "三(四)2 全面实施企业数字化绿色低碳技术改造" in led
    assert "三(一)3 坚决遏制“两高”项目盲目发展" in supported


RESPONSIBLE_BODY = ("方案把各县（市、区）政府和平台管委会列为每项任务的责任主体（在第一项任务的分工后写明“下同”），"
                    "负责全部 29 项任务在本地的落实。这是方案的分工，不是完成了多少项任务。")


def test_county_government_is_responsible_body_for_every_task(shipped_site):
    text = squeeze(visible_text(page(shipped_site, "units/kecheng-government")))
    assert RESPONSIBLE_BODY in text
    assert "负责 29 项任务" not in text  # a count that reads as work done


def test_indicator_without_figures_says_so_plainly(shipped_site):
    text = visible_text(page(shipped_site, "indicators/tax-per-mu"))
    assert "暂无公开数字。" in text
    assert "我们不估算、不补填" in text
    assert "2023年不低于22万元" in text


def test_indicator_with_interim_figures_lists_them_with_sources(shipped_site):
    markup = page(shipped_site, "indicators/manufacturing-investment-growth")
    assert "2023年上半年（阶段性数字）" in visible_text(markup)
    assert 'href="http://zjnews.zjol.com.cn/202307/t20230725_26013414.shtml"' in markup
    # Interim figures never decide a status: the plan has ended, and the report card says why it cannot be judged.
    assert "无法判断 2021年、2022年、2023年全市全年数字未见公开发布；阶段性数字只作展示，不决定状态。" in squeeze(visible_text(markup))
    assert ">暂无数据</span>" not in markup  # no badge says 暂无数据 above published figures


def test_no_resource_is_requested_from_another_origin(shipped_site):
    offenders = []
    for path in shipped_site.root.rglob("*.html"):
        markup = path.read_text(encoding="utf-8")
        for match in re.finditer(r'<(script|link|img|iframe|source|video|audio)\b[^>]*?\b(src|href)="([^"]+)"', markup):
            if re.match(r"(https?:)?//", match.group(3)):
                offenders.append((path.relative_to(shipped_site.root).as_posix(), match.group(0)[:120]))
    assert offenders == []


def test_no_web_fonts_in_stylesheets(shipped_site):
    for css in shipped_site.root.rglob("*.css"):
        assert "fonts.googleapis" not in css.read_text(encoding="utf-8")


def test_downloads_hold_the_package_and_progress(shipped_site):
    data = shipped_site.root / "data"
    with zipfile.ZipFile(data / "quzhou-manufacturing-plan-2021-2023.zip") as bundle:
        names = sorted(bundle.namelist())
    assert names == [
        "data/areas.csv", "data/figure_sources.csv", "data/indicators.csv", "data/observations.csv",
        "data/related_tasks.csv", "data/revisions.csv", "data/searches.csv", "data/targets.csv", "data/task_reports.csv", "data/task_units.csv",
        "data/tasks.csv",
        "data/units.csv", "datapackage.json",
    ]
    with open(data / "progress.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 62
    assert {r["status"] for r in rows} == {"no_data"}
    text = visible_text(page(shipped_site, "downloads"))
    assert "指标编号" in text and "progress.csv" in text


def test_shipped_site_has_no_demo_banner(shipped_site):
    assert "示例站点" not in page(shipped_site, "")


def test_demo_package_has_banner_on_every_page(small_site):
    pages = list(small_site.root.rglob("index.html"))
    assert len(pages) > 10
    for path in pages:
        assert "本页所有数字均为虚构" in path.read_text(encoding="utf-8"), path


def test_area_ranking_orders_areas_best_first(small_site):
    text = visible_text(page(small_site, "areas"))
    ranking = text[text.index("赛马排名"):]
    # 2022 new firms: 示例乙区 70, 示例丙县 70 (tie), 示例甲区 50.
    assert re.search(r"1\s*示例乙区\s*70家.*1\s*示例丙县\s*70家.*3\s*示例甲区\s*50家", ranking, re.S)


def test_task_page_shows_unit_reports_beside_computed_status(small_site):
    text = visible_text(page(small_site, "tasks/action-1-1"))
    assert "按计划推进" in text
    assert "示例：已完成全部摸排（虚构）。" in text


def test_hostile_text_is_shown_literally_everywhere(hostile_site):
    for path in ["", "board", "indicators/level-1", "tasks/action-1-1", "units/dept-1", "areas", "downloads", "headline"]:
        markup = page(hostile_site, path)
        for needle in HOSTILE_MARKUP:
            assert needle not in markup  # never raw in the HTML
        assert "alert(1)" not in re.sub(r"&[a-z]+;|&#\d+;", "", "".join(re.findall(r"<script\b[^>]*>(.*?)</script>", markup, re.S)))
        assert 'href="javascript:' not in markup
        assert " onerror=" not in markup.replace("&lt;img src=x onerror=alert(1)&gt;", "")


def test_hostile_text_visible_on_task_page(hostile_site):
    tasks = sorted(p.parent.name for p in (hostile_site.root / "tasks").glob("*/index.html"))
    text = visible_text(page(hostile_site, f"tasks/{tasks[0]}"))
    for needle in HOSTILE_TEXT:
        assert needle in text
    assert "<strong>bold</strong>" not in page(hostile_site, f"tasks/{tasks[0]}")


def test_failed_validation_keeps_the_previous_site(tmp_path, small_package, work_dir, build):
    site = tmp_path / "site"
    build(small_package, site, work_dir)
    before = (site / "index.html").read_text(encoding="utf-8")
    observations = small_package.parent / "data" / "observations.csv"
    observations.write_text(observations.read_text(encoding="utf-8").replace(",17.5,", ",17.5万,"), encoding="utf-8")
    with pytest.raises(BuildFailed):
        build(small_package, site, work_dir)
    assert (site / "index.html").read_text(encoding="utf-8") == before


def test_progress_csv_download_holds_computed_statuses(small_site):
    with open(small_site.root / "data" / "progress.csv", encoding="utf-8-sig", newline="") as handle:
        rows = {r["indicator_id"]: r for r in csv.DictReader(handle)}
    # tax-per-mu: (17.5 - 15) / (22 - 15) = 0.357 achieved, 1/3 expected -> R = 1.07
    # new-firms: 80 + 120 = 200 of 300 = 0.667 achieved, 2/3 expected -> R = 1.00
    # robots: 2021 520 >= 500 met, 1 of 1 year -> R = 1.00 (the 2022-H1 figure is interim)
    # full-coverage: no figure at all
    assert {k: r["status"] for k, r in rows.items()} == {
        "tax-per-mu": "on_track", "new-firms": "on_track", "robots": "on_track", "full-coverage": "no_data",
    }
    assert round(float(rows["tax-per-mu"]["pace_ratio"]), 2) == 1.07
    assert round(float(rows["new-firms"]["pace_ratio"]), 2) == 1.0
    assert rows["new-firms"]["measure"] == "200"


# ---- the reader's site: board, wording, responsibility, counties, finish ------------------------------------------


def board_rows(markup: str) -> dict[str, str]:
    """Indicator id -> the visible text of its board row."""
    rows = re.findall(r'<tr class="board-row"[^>]*>(.*?)</tr>', markup, re.S)
    result = {}
    for row in rows:
        indicator_id = re.search(r'href="\.\./indicators/([^/]+)/"', row).group(1)
        result[indicator_id] = html.unescape(re.sub(r"<[^>]+>", " ", row))
    return result


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def spaced_text(markup: str) -> str:
    """The article's text with every tag read as a space, runs of spaces squeezed: cells and items stay apart."""
    article = markup[markup.index("<article"): markup.index("</article>")]
    return squeeze(html.unescape(re.sub(r"<[^>]+>", " ", article)))


def test_board_lists_every_indicator_with_lead_figure_and_status(shipped_site):
    rows = board_rows(page(shipped_site, "board"))
    assert len(rows) == 62
    # The plan has ended: a report card. No figure decided the status, so none stands beside it ("—"); the latest
    # part-year figure is listed apart and says what it is.
    assert squeeze(rows["standard-land-share"]) == "新增工业用地“标准地”模式出让比例 无法判断 — 2022—2023年每年实现100% 市资源规划局"
    # the plan names no lead: 方案未单列 in the lead column; the related tasks' leads under the name, labelled
    assert squeeze(rows["manufacturing-investment-growth"]) == (
        "制造业投资年均增长 相关任务（本站归纳，方案未写明）的牵头单位：市招商中心、市经信局 无法判断 "
        "— 另有：41.5%（2023年上半年，阶段性数字） 2021—2023年年均增长不低于15% 方案未单列"
    )
    assert "市经信局" in rows["national-high-tech-enterprises"]


def test_board_groups_follow_the_plan(shipped_site):
    groups = re.findall(r'<tr class="board-group"><th[^>]*>([^<]*)</th>', page(shipped_site, "board"))
    assert [html.unescape(g) for g in groups] == [
        "核心指标（方案“实施目标”）", "淘汰落后攻坚行动", "创新强工攻坚行动", "招大引强攻坚行动", "质量提升攻坚行动", "政策措施",
    ]


def test_status_counts_add_up_to_the_indicators(shipped_site, small_site):
    strip = spaced_text(page(shipped_site, "board"))
    counts = [int(n) for n in re.findall(r"共 62 项量化目标： 已达成 (\d+) 项 未达成 (\d+) 项 无法判断 (\d+) 项", strip)[0]]
    assert sum(counts) == 62
    home = squeeze(visible_text(page(shipped_site, "")))
    assert re.search(r"共 62 项指标：已达成 \d+ 项；未达成 \d+ 项；无法判断 \d+ 项。", home)
    assert "其余" not in home
    small = spaced_text(page(small_site, ""))  # the small site is built as on a day while its plan runs
    assert "共 4 项量化目标： 符合进度 3 项 暂无公开数字 1 项" in small


def test_home_shows_the_board_link_and_no_empty_dashboard(shipped_site, small_site):
    markup = page(shipped_site, "")
    assert 'href="board/"' in markup
    assert "dashboard.svg" not in markup  # no indicator has a status: the chart would be empty bars
    assert "dashboard.svg" in page(small_site, "")


def test_indicator_tables_name_the_lead_unit(shipped_site):
    text = spaced_text(page(shipped_site, "tasks/action-1-4"))
    assert "指标 状态 最新公开数字 目标 牵头单位" in text
    assert "新增工业用地“标准地”模式出让比例 无法判断 — 2022—2023年每年实现100% 市资源规划局" in text


def test_unit_page_lists_years_without_figures_only_where_a_target_exists(shipped_site):
    text = spaced_text(page(shipped_site, "units/economy-it"))
    section = text[text.index("尚未见公开数字"):text.index("单位自报进展")]
    assert "这说明数字尚未公开或尚未找到，不说明工作没有完成" in section
    assert "化工行业企业数量累计减少 2021年、2022年" in section  # no 2023 target, so no 2023
    assert "逾期" not in text


def test_data_entry_notes_stay_off_public_pages(shipped_site):
    chemical = visible_text(page(shipped_site, "indicators/chemical-enterprise-reduction"))
    assert "2021年填15" not in chemical and "进展数字填" not in chemical
    assert "数值是化工行业企业数量比2020年累计减少的百分数（不是企业家数）。方案对2023年未定目标。" in chemical
    investment = visible_text(page(shipped_site, "indicators/manufacturing-investment-growth"))
    assert "可靠性" not in investment
    assert "一季度同比增速，不是全年数，也不是三年年均增速；转载页面未注明发布日期，也未注明原发媒体。原文：" in investment


def test_area_page_links_its_government_and_its_tasks_once(shipped_site):
    markup = page(shipped_site, "areas/kecheng")
    text = squeeze(visible_text(markup))
    assert 'href="../../units/kecheng-government/"' in markup
    assert "柯城区的责任单位：柯城区政府 " + RESPONSIBLE_BODY in text
    # the tasks with their titles, not bare numbers with the title on hover
    assert "淘汰落后攻坚行动 三(一)1 全面摸排高耗低效企业 三(一)2 坚决淘汰整治高耗低效企业" in spaced_text(markup)
    assert "本站尚未收录到柯城区单独发布的任何数字" in text


def test_county_unit_page_is_compact(shipped_site):
    text = squeeze(visible_text(page(shipped_site, "units/kecheng-government")))
    assert "牵头的任务" not in text and "配合的任务" not in text
    assert RESPONSIBLE_BODY in text
    assert "所在区域：柯城区" in text


def test_policy_task_meta_does_not_repeat_the_section(shipped_site):
    text = visible_text(page(shipped_site, "tasks/policy-1"))
    assert "政策措施 · 政策措施" not in text
    assert "政策措施 · 原文序号 四(一)" in text


def test_404_page_is_chinese_with_a_way_back(shipped_site):
    markup = (shipped_site.root / "404.html").read_text(encoding="utf-8")
    assert "<h1>找不到这个页面（404）</h1>" in markup
    assert "Not found" not in markup
    assert "返回首页" in markup and 'name="q"' in markup


def test_footer_is_chinese_and_links_the_about_page(shipped_site):
    for path in ["", "board", "indicators/tax-per-mu"]:
        markup = page(shipped_site, path)
        footer = markup[markup.index('<footer class="md-footer">'):]
        assert "Made with" not in footer
        assert "由本站开源维护者维护，不是政府网站 · 数据版本 1.1.0（2026-11-29）" in footer
        assert "CC BY 4.0" in footer and "/about/" in footer
    about = visible_text(page(shipped_site, "about"))
    assert "不是政府网站" in about and "CONTRIBUTING.md" in about and "知识共享 署名 4.0 国际（CC-BY-4.0）" in about


def test_every_page_has_a_description_for_share_previews(shipped_site):
    markup = page(shipped_site, "indicators/standard-land-share")
    assert '<meta property="og:title" content="新增工业用地“标准地”模式出让比例">' in markup
    description = "新增工业用地“标准地”模式出让比例：2022—2023年每年实现100%。牵头单位：市资源规划局。状态：无法判断。"
    assert f'<meta name="description" content="{description}">' in markup
    assert f'<meta property="og:description" content="{description}">' in markup
    for path in shipped_site.root.rglob("index.html"):
        assert '<meta property="og:description" content="' in path.read_text(encoding="utf-8"), path


def test_sitemap_lists_pages_when_the_address_is_known(tmp_path, monkeypatch, work_dir):
    monkeypatch.setenv("SITE_URL", "https://example.org/quzhou/")
    package = fixture_package("small", tmp_path / "package")
    build_site(package, tmp_path / "site", work_dir, validate=False)
    sitemap = (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/quzhou/board/</loc>" in sitemap
    assert "<loc>https://example.org/quzhou/indicators/tax-per-mu/</loc>" in sitemap


def test_hostile_text_is_literal_on_the_board(hostile_site):
    markup = page(hostile_site, "board")
    for needle in HOSTILE_MARKUP:
        assert needle not in markup
    text = visible_text(markup)
    for needle in HOSTILE_TEXT:
        assert needle in text
    assert "<strong>bold</strong>" not in markup


def test_search_index_writes_chinese_as_itself(shipped_site):
    text = (shipped_site.root / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "衢州市经济和信息化局" in text and "\\u8861" not in text  # 衢 written once, not as a six-byte escape
    assert len(json.loads(text)["docs"]) > 100


def test_an_indicator_without_any_figure_names_the_year_it_lacks(shipped_site):
    # The plan has ended and the home page says every target that cannot be judged names the year it lacks.
    # rd-intensity (2023年超过1.7%) has no figure at all in the pinned package; its page used to say only that.
    text = visible_text(page(shipped_site, "indicators/rd-intensity"))
    assert "状态无法判断 2023年全市全年数字未见公开发布；尚未收录到任何公开发布的数字。" in text


def test_task_targets_page_lists_every_target_its_group_counts(shipped_site):
    # The plan sets 四(四)'s targets in its tasks: 四(四)1 three (浙江制造标准 35, 国家标准 45, 质检中心 1), 四(四)2 six,
    # 四(四)3 five, 四(四)4 one (品字标 30). Two of them are also headline targets; listed or not, the group's table and
    # its count below must hold the same 15.
    markup = page(shipped_site, "indicators")
    section = markup[markup.index(">质量提升攻坚行动</h2>"): markup.index(">政策措施</h2>")]
    listed = re.findall(r'href="([a-z0-9-]+)/"', section)
    assert len(listed) == 15
    assert {"zhejiang-made-standards", "pinzibiao-brand-enterprises"} <= set(listed)
    text = squeeze(spaced_text(markup))
    assert "质量提升攻坚行动 15 0 0 15" in text[text.index("行动 指标数 已达成 未达成 无法判断"):]


def test_home_introduction_says_whether_the_plan_has_ended_and_who_the_plan_names(shipped_site, small_site):
    ended = squeeze(visible_text(page(shipped_site, "")))
    running = squeeze(visible_text(page(small_site, "")))  # built on 2023-06-30, while the plan runs
    # The plan names units for its tasks, measures and arrangements (one unit alone for some, such as 四(四)1 and
    # 五(一)), none for its 13 headline targets: "每项都列明了牵头单位和配合单位" said more than it does.
    for text in (ended, running):
        assert "每项都列明了牵头单位和配合单位" not in text
        assert "每项任务、措施和安排都列明了责任单位，列第一位的为牵头单位；核心目标没有单列责任单位。" in text
    assert "有效期至 2023年12月31日，现已到期；本站把方案的目标、任务和责任单位整理成开放数据，对照公开发布的数字逐项给出最终结果。" in ended
    assert "现已到期" not in running
    assert "有效期至 2023年12月31日；本站把方案的目标、任务和责任单位整理成开放数据，对照公开发布的数字逐项标出进展。" in running
