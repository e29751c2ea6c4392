"""scripts.website.pages without a build: reader statuses, notes, editorial links, figure sources and the nav."""

import csv
import datetime
import re
from pathlib import Path

import pytest

from scripts.core.package import read_package
from scripts.progress.results import compute_progress
from scripts.website.pages import SiteContext
from scripts.website.pages.indicator import indicator_page
from scripts.website.pages.nav import chunked
from scripts.website.pages.page import Page
from scripts.website.pages.board import status_strip
from scripts.website.pages.pieces import latest_figure, reader_note
from tests.conftest import FIXTURES

READER = FIXTURES / "reader"


def text_of(markup: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", markup)).strip()


# A day while the small package's plan (2021-2023) runs; without it the plan has ended and readers get the report card.
RUNNING = datetime.date(2023, 6, 30)


@pytest.fixture
def context(small_package: Path) -> SiteContext:
    """The small package's site context while its plan runs (its related tasks are its own), with fictional figure
    sources attached."""
    return site_context(small_package, RUNNING)


@pytest.fixture
def ended(small_package: Path) -> SiteContext:
    """The same once the plan has ended (the day the tests run)."""
    return site_context(small_package, None)


def site_context(small_package: Path, today) -> SiteContext:
    package = read_package(small_package)
    results = compute_progress(package, today)
    catalog = results.catalog
    with open(READER / "figure_sources.csv", encoding="utf-8", newline="") as handle:
        catalog.__dict__["figure_source_of"] = {row["indicator_id"]: row for row in csv.DictReader(handle)}
    return SiteContext(results, {})


def test_reader_note_drops_data_entry_sentences():
    note = "目标值是累计减少的百分数。进展数字填每年比上年末减少的百分数（例如2021年填15、2022年填11.76）。方案对2023年未定目标。"
    assert reader_note(note) == "目标值是累计减少的百分数。方案对2023年未定目标。"


def test_reader_note_drops_source_grading_and_keeps_quotes_whole():
    note = "一季度同比增速；转载页面，可靠性B。原文：“增长46.8%；快21.3个百分点”"
    assert reader_note(note) == "一季度同比增速。原文：“增长46.8%；快21.3个百分点”"
    assert reader_note("可靠性A") == ""
    assert reader_note(None) == ""
    assert reader_note("三年累计数。") == "三年累计数。"


def test_standing_tells_no_figure_from_interim_only(context):
    assert context.standing("full-coverage").label == "暂无公开数字"
    assert context.standing("tax-per-mu").label == "符合进度"
    assert context.results.count_statuses(context.catalog.indicators) == {
        "achieved": 0, "on_track": 3, "behind": 0, "off_track": 0, "not_achieved": 0,
        "interim_only": 0, "undecided": 0, "no_figure": 1,
    }


def test_headline_target_shows_related_tasks_as_the_sites_own_link(context):
    body = indicator_page(context, context.catalog.indicators["tax-per-mu"]).body
    text = text_of(body)
    assert "方案在“实施目标”中提出这项指标，未单列责任单位。" in text
    assert "相关任务（本站归纳，方案未写明）" in text
    assert "三(一)1 示例任务甲 （牵头： 示例经信局 ）" in text
    assert "本站归纳：示例任务甲摸排企业，影响亩均税收（虚构）；方案未写明" in text
    # the plan names no lead: the lead row says so; the leads of the related tasks have a row of their own
    assert "牵头单位 方案未单列 相关任务（本站归纳，方案未写明）的牵头单位 示例经信局、示例发改委（ 见下文 ）" in text


def test_a_headline_target_is_led_by_no_unit_in_tables_the_board_and_the_counts(context):
    from scripts.website.pages.board import board_page
    from scripts.website.pages.overview import units_index
    from scripts.website.pages.pieces import indicator_table
    from scripts.website.pages.unit import unit_page

    board = board_page(context).body
    # 示例经信局 leads 三(一)1 (示例新增企业, 示例县域全覆盖); the headline 示例亩均税收 only relates to it
    assert re.findall(r'data-name="([^"]+)" data-lead="economy-it"', board) == ["示例新增企业", "示例县域全覆盖"]
    assert re.findall(r'data-name="([^"]+)" data-lead="-"', board) == ["示例亩均税收"]
    home = Page("index.md", "首页", "")
    row = text_of(indicator_table(context, home, [context.catalog.indicators["tax-per-mu"]]))
    assert row == ("指标 状态 最新公开数字 目标 牵头单位 示例亩均税收 相关任务（本站归纳，方案未写明）的牵头单位：示例经信局、示例发改委 "
                   "符合进度 17.5万元（2021年） 2023年不低于22万元 方案未单列")
    unit = text_of(unit_page(context, context.catalog.units["economy-it"]).body)
    assert "牵头 1 项任务，配合 0 项；牵头任务共有 2 项量化目标（ 在目标一览中查看 ）。" in unit
    assert "## 牵头任务的量化目标 {#indicators} 共 2 项： 符合进度 1 暂无公开数字 1" in unit
    units = text_of(units_index(context).body)
    assert "示例经信局 1 0 0 2 项 符合进度 1 暂无公开数字 1" in units
    assert "示例发改委 1 1 0 1 项 符合进度 1" in units  # 四(一) 示例政策乙: 示例新增机器人


def test_indicator_without_figures_says_where_they_would_come_from(context):
    text = text_of(indicator_page(context, context.catalog.indicators["full-coverage"]).body)
    assert "数字从哪里来" in text
    assert "发布单位：示例市科技局 发布渠道：示例年度工作总结 发布频率：每年 通常发布时间：次年1月" in text
    assert "本站判断 示例：本站判断这项数字通常随年度总结发布（虚构）。" in text
    # An indicator whose status is decided needs no such note.
    assert "数字从哪里来" not in indicator_page(context, context.catalog.indicators["new-firms"]).body


def test_long_nav_groups_are_cut_into_runs_of_25():
    items = [{f"单位{n}": f"units/u{n}.md"} for n in range(1, 61)]
    groups = chunked(items)
    assert [list(g) for g in groups] == [["第1—25项"], ["第26—50项"], ["第51—60项"]]
    assert groups[2]["第51—60项"][0] == {"单位51": "units/u51.md"}
    assert chunked(items[:25]) == items[:25]


def test_unit_provenance_is_shown_only_when_recorded():
    import datetime

    from scripts.website.pages.unit import provenance

    assert provenance({"name": "市经信局"}) == ""
    unit = {"full_name_source": "方案原文", "current_name": "衢州市经济和信息化局<新>", "renamed_on": datetime.date(2024, 3, 1)}
    assert provenance(unit) == '<p class="provenance">全称来源：方案原文。现名：衢州市经济和信息化局&lt;新&gt;，2024-03-01更名。</p>'


def test_very_long_nav_groups_nest_so_no_group_holds_more_than_25():
    items = [{f"单位{n}": f"units/u{n}.md"} for n in range(1, 2301)]
    groups = chunked(items)
    assert [list(g)[0] for g in groups] == ["第1—625项", "第626—1250项", "第1251—1875项", "第1876—2300项"]
    last = groups[3]["第1876—2300项"]
    assert len(last) == 17 and list(last[0]) == ["第1876—1900项"] and list(last[-1]) == ["第2276—2300项"]
    assert last[-1]["第2276—2300项"][-1] == {"单位2300": "units/u2300.md"}


def test_task_page_links_the_headline_targets_the_site_relates_to_it(context):
    from scripts.website.pages.task import task_page

    text = text_of(task_page(context, context.catalog.tasks["policy-1"]).body)
    assert ("## 相关的核心指标（本站归纳，方案未写明） {#related-targets} 方案在“实施目标”中提出下列核心指标，没有把它们分给某项任务；"
            "本站认为这项任务与它们相关，方案本身没有这样写。 示例亩均税收 符合进度 本站归纳：示例政策乙支持亩均提升（虚构）；方案未写明") in text
    body = task_page(context, context.catalog.tasks["organisation-1"]).body
    assert "方案没有为这项任务定量化目标。" in text_of(body)
    assert "related-targets" not in body


def test_chart_text_alternative_is_read_once(context):
    from scripts.website.pages.pieces import chart

    context.charts["x"] = "示例说明<虚构>"
    page = Page("indicators/a.md", "甲", "")
    assert chart(context, page, "x", "甲：进展与目标") == (
        '<figure class="chart"><img src="../../charts/x.svg" alt="示例说明&lt;虚构&gt;" loading="lazy">'
        '<figcaption>甲：进展与目标<span aria-hidden="true">：示例说明&lt;虚构&gt;</span> '
        '<a href="../../charts/x.csv">下载图表数据（CSV）</a></figcaption></figure>'
    )


def test_contact_links_the_issue_form_or_says_plainly_what_to_do(monkeypatch):
    from scripts.website.fragments import contact, repository_url

    for name in ("REPOSITORY_URL", "GITHUB_SERVER_URL", "GITHUB_REPOSITORY"):
        monkeypatch.delenv(name, raising=False)
    assert repository_url() is None
    local = text_of(contact(None))
    assert "请在本站代码仓库提交问题（Issue）" in local and "<a" not in contact(None)
    assert "这份网站构建时没有设置代码仓库的地址，所以上面没有链接：请向提供这份网站的人要仓库地址。" in local
    monkeypatch.setenv("GITHUB_REPOSITORY", "example-org/plan-site")
    assert repository_url() == "https://github.com/example-org/plan-site"
    monkeypatch.setenv("GITHUB_REPOSITORY", "x/y\" onclick=\"alert(1)")
    assert repository_url() is None
    monkeypatch.setenv("REPOSITORY_URL", "https://git.example.org/plan/")
    markup = contact(repository_url())
    assert '<a href="https://git.example.org/plan/issues/new/choose" rel="noopener noreferrer">在代码仓库提交问题（Issue）</a>' in markup
    assert "没有设置代码仓库的地址" not in markup


def test_beside_a_status_stands_what_decided_it_in_the_kinds_words(context, ended):
    cumulative, annual = context.catalog.indicators["new-firms"], context.catalog.indicators["robots"]
    # a three-year total is judged on the total (80 + 120), not on the last year's 120
    assert str(latest_figure(context, cumulative)) == (
        '2021—2022年累计200家<br><small class="deciding-year">最后计入：120家（2022年）</small>')
    # once the plan has ended without the 2023 figure, the figures in hand decided nothing, and the cell says so
    assert str(latest_figure(ended, cumulative)) == (
        '2021—2022年累计200家（不足以判断）<br><small class="deciding-year">最后计入：120家（2022年）</small>')
    assert str(latest_figure(ended, annual)) == (
        '520台（2021年，不足以判断）<br><small class="other-figure">另有：300台（2022年上半年，阶段性数字）</small>')
    assert ended.result("full-coverage").value_text(1.0) == "已实现"  # a yes/no target, not "1是/否"


def test_a_full_year_figure_that_counted_for_nothing_is_still_shown_beside_the_status(small_package):
    # new-firms without its 2021 figure: a three-year total cannot start, yet the 2022 figure (120) was published
    path = small_package.parent / "data" / "observations.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("new-firms,quzhou,2021,80,", "new-firms,kecheng,2021,80,"), encoding="utf-8")
    ended = site_context(small_package, None)
    assert ended.result("new-firms").deciding is None
    assert str(latest_figure(ended, ended.catalog.indicators["new-firms"])) == "120家（2022年，不足以判断）"


def test_a_target_whose_year_is_not_over_is_not_due_and_missing_years_are_one_list(context, ended):
    assert [v.text for v in context.result("robots").verdicts] == [
        "目标2021年不低于500台：2021年为520台，已达到",
        "目标2022年不低于500台：缺少2022年全市全年数字，无法判断",
        "目标2023年不低于500台：目标年份尚未结束，还没到判断的时候"]
    assert context.result("robots").unpublished_years == [2022]
    assert ended.result("robots").unpublished_years == [2022, 2023]
    assert ended.result("robots").reader.reason.startswith("2022年、2023年全市全年数字未见公开发布；")
    # a total needs every year of its run: 2021 and 2022 are in, 2023 is what is missing once it is over
    assert (context.result("new-firms").unpublished_years, ended.result("new-firms").unpublished_years) == ([], [2023])
    assert ended.result("new-firms").reader.reason == "2023年全市全年数字未见公开发布；已有的全年数字：2021—2022年累计200家，不足以判断。"
    assert ended.result("new-firms").path == []  # no planned pace drawn on a report card
    assert context.result("new-firms").path != []


def test_a_count_of_none_is_said_but_not_linked(ended):
    strip = str(status_strip(ended, Page("index.md", "首页", ""), link=False))
    assert ('<li data-status="achieved" data-always=""><span class="status status--achieved">已达成</span> '
            "<strong>0</strong> 项</li>") in strip
    assert ('<li data-status="cannot_judge" data-always=""><a href="board/?status=cannot_judge">'
            '<span class="status status--cannot_judge">无法判断</span> <strong>4</strong> 项</a></li>') in strip


def test_a_licence_given_by_its_address_alone_is_named_by_it():
    # The Data Package spec asks a licence for a name or a path; either alone must not show "None".
    from scripts.website.fragments import licence

    by_path = licence({"licenses": [{"path": "https://creativecommons.org/licenses/by/4.0/"}]})
    assert by_path.startswith(
        '<p>数据包以<a href="https://creativecommons.org/licenses/by/4.0/" rel="noopener noreferrer">'
        'https://creativecommons.org/licenses/by/4.0/</a><span class="link-host">（creativecommons.org）</span>许可开放')
    assert licence({"licenses": [{"name": "CC-BY-4.0"}]}).startswith("<p>数据包以CC-BY-4.0许可开放")
    assert licence({"licenses": [{"name": "CC-BY-4.0", "title": "知识共享 署名 4.0 国际"}]}).startswith(
        "<p>数据包以知识共享 署名 4.0 国际（CC-BY-4.0）许可开放")
