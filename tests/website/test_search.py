"""Search in Chromium on the shipped site: people's words for units, tasks and indicators find the right page first."""

from __future__ import annotations

import pytest

pytest.register_assert_rewrite("tests.browserfixtures")
from tests.browserfixtures import NO_PROBLEMS, Visit, new_context  # noqa: E402 - after the rewrite hook

pytestmark = pytest.mark.browser

# query -> the page that must be the first result (URL path under the site root)
FIRST_RESULT = {
    # a unit by its short name, its name and its full name
    "经信局": "units/economy-it/",
    "市经信局": "units/economy-it/",
    "衢州市经济和信息化局": "units/economy-it/",
    "市委人才办": "units/talent-office/",
    "中国人民银行衢州市中心支行": "units/pboc/",
    # an area by its name, before the unit of its government (柯城区政府)
    "柯城区": "areas/kecheng/",
    "衢州市": "areas/quzhou/",
    # a phrase inside a task's text
    "数字经济": "tasks/organisation-2/",  # 五(二) 加强服务指导: 推进数字经济系统建设
    "揭榜挂帅": "tasks/action-2-1/",  # 推广“揭榜挂帅”“赛马制”
    "浙货行天下": "tasks/action-4-4/",  # 开展“浙货行天下”
    # an indicator by the Latin word in its name
    "R&D": "indicators/rd-intensity/",
    # a title match before a page that has the words only in its text: the indicator 规上工业亩均税收 before the task
    # 三(一)1 (锁定亩均税收未达到所属行业指导标准的企业) and a housing task (四(五), 亩均税收 in its text)
    "亩均税收": "indicators/tax-per-mu/",
    "标准地": "indicators/standard-land-share/",  # 新增工业用地“标准地”模式出让比例, before 三(一)4 whose text says it
    # a plan term jieba splits (小微 / 企业 / 园): the indicator named by it, not one that shares only 企业
    "小微企业园": "indicators/micro-enterprise-parks/",
}

# The short forms people type -> the page that must be among the first three results.
IN_TOP_THREE = {
    "经信局": "units/economy-it/",  # 市经信局
    "经信": "units/economy-it/",
    "招商": "units/investment-promotion/",  # 市招商中心
    "高企": "indicators/national-high-tech-enterprises/",  # 新增国家高新技术企业
    "科小": "indicators/provincial-tech-smes/",  # 新增省科技型中小企业
    "亩均": "indicators/tax-per-mu/",  # 规上工业亩均税收
    "R&D": "indicators/rd-intensity/",
}


@pytest.fixture(scope="session")
def search_home(browser, shipped_site):
    """The shipped home page, loaded once per worker in its own browser context and searched again and again,
    as a reader does: loading it (and the theme's search index) for each query would cost Chromium more than
    all the searching."""
    context = new_context(browser)
    try:
        visit = Visit(context)
        visit.load(shipped_site.page_url(""))
        yield visit
    finally:
        context.close()


@pytest.fixture
def search_page(search_home, shipped_site):
    """The home page with an empty search box and no results shown; what it recorded so far is cleared."""
    visit = search_home
    if visit.page.url != shipped_site.page_url(""):
        visit.load(shipped_site.page_url(""))
    box = visit.page.locator("input.md-search__input")
    if box.is_visible():
        box.fill("")
        box.press("End")  # the theme clears its results on keyup
    visit.page.locator(".md-search-result__list > li").first.wait_for(state="detached")
    visit.forget()
    return visit


def result_paths(visit, base: str, query: str) -> list[str]:
    """Type the whole query into the search box; return the result pages' paths, best first."""
    page = visit.page
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label[for=__search]").first.click()
    box.fill(query)  # the whole query at once: no search for its first characters alone
    box.press("End")  # the theme searches on keyup
    links = page.locator(".md-search-result__list > li > a")
    links.first.wait_for()
    return [link.get_attribute("href").removeprefix(base).split("?")[0] for link in links.all()]


@pytest.mark.parametrize("query", FIRST_RESULT)
def test_query_puts_the_expected_page_first(query, search_page, shipped_site):
    paths = result_paths(search_page, shipped_site.url, query)
    assert paths[0] == FIRST_RESULT[query], paths[:5]
    # the query is searched as one term: no result lacks a piece of it, so the theme writes no "缺少: 市* 市经*" line
    # (and the line would be hidden if it did: extra.css)
    assert search_page.page.locator(".md-search-result__terms").count() == 0
    assert search_page.problems() == NO_PROBLEMS


@pytest.mark.parametrize("query", IN_TOP_THREE)
def test_short_form_puts_its_page_in_the_first_three(query, search_page, shipped_site):
    paths = result_paths(search_page, shipped_site.url, query)
    assert IN_TOP_THREE[query] in paths[:3], paths[:5]
    assert search_page.problems() == NO_PROBLEMS


def test_short_form_of_a_unit_finds_the_pages_that_name_it(search_page, shipped_site):
    # The plan writes 市经信局 and names it in 23 tasks; a reader types 经信局. Before, it found 4 pages: the text
    # was indexed with 市经信局 as one word, which 经信局 is not the start of.
    result_paths(search_page, shipped_site.url, "经信局")
    meta = search_page.page.locator(".md-search-result__meta").inner_text()
    assert int(meta.split(" ")[0]) >= 23, meta


def test_results_show_no_search_tags(search_page, shipped_site):
    result_paths(search_page, shipped_site.url, "经信局")
    # the page's tags (经信局, 经信, ...) exist for the index, not for reading
    assert search_page.page.locator(".md-search-result .md-tags:visible").count() == 0
    first = search_page.page.locator(".md-search-result__list > li").first.inner_text().replace("\u200b", "")
    assert "经信" not in first.replace("市经信局", "")
