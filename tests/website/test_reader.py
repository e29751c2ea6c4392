"""The reader's site in Chromium: the accountability board (with and without JavaScript), phone widths, 404, wording."""

from __future__ import annotations

import pytest

pytest.register_assert_rewrite("tests.browserfixtures")
from tests.browserfixtures import NO_PROBLEMS, serious_violations  # noqa: E402 - after the rewrite hook

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def board_counts(page) -> dict[str, int]:
    """The status strip as {label: count}."""
    items = page.locator(".status-strip li").all_inner_texts()
    return {item.rsplit(" ", 2)[0].strip(): int(item.rsplit(" ", 2)[1]) for item in items}


def test_board_lists_every_indicator_with_lead_and_status(shipped_site, open_page):
    visit = open_page()
    page = visit.page
    visit.load(shipped_site.page_url("board/"))
    rows = page.locator("tr.board-row")
    assert rows.count() == 62
    for i in range(rows.count()):
        cells = rows.nth(i).locator("td")
        assert cells.nth(2).inner_text().strip(), f"row {i} has no lead-unit cell text"
        assert cells.nth(4).locator(".status").count() == 1
    row = page.locator("tr.board-row", has_text="新增工业用地“标准地”模式出让比例")
    assert row.locator("td").nth(2).inner_text() == "市资源规划局"
    assert row.locator("td").nth(4).inner_text() == "无法判断"
    counts = board_counts(page)
    assert list(counts) == ["已达成", "未达成", "无法判断"]  # the plan has ended: a report card
    assert sum(counts.values()) == 62
    assert "共 62 项量化目标" in page.locator(".status-strip").inner_text()
    assert visit.problems() == NO_PROBLEMS


def test_board_filters_and_sorts_with_javascript(shipped_site, open_page):
    visit = open_page()
    page = visit.page
    visit.load(shipped_site.page_url("board/"))
    controls = page.locator(".board-controls")
    assert controls.is_visible()
    page.select_option("select[name=status]", "cannot_judge")
    visible = page.locator("tr.board-row:visible")
    shown = visible.count()
    assert 0 < shown <= 62
    assert controls.locator("output").inner_text() == f"显示 {shown} / 62 项"
    page.click("text=清除筛选")
    page.select_option("select[name=lead]", "市资源规划局")
    leads = page.locator("tr.board-row:visible td:nth-child(3)").all_inner_texts()
    # Its own tasks' targets, and headline targets whose related tasks (an editorial link, labelled so) it leads.
    assert leads.count("市资源规划局") == 3  # the targets of the tasks it leads
    assert all(lead == "市资源规划局" or ("市资源规划局" in lead and lead.endswith("相关任务（本站归纳，方案未写明）")) for lead in leads)
    page.select_option("select[name=lead]", "")
    page.select_option("select[name=order]", "status")
    first = page.locator("tr.board-row:visible").first
    assert first.locator(".status").inner_text() in ("已达成", "未达成", "无法判断")  # best first, in the report card's order
    assert page.locator("tr.board-group:visible").count() == 0  # sorted: one list, no group rows
    page.select_option("select[name=order]", "plan")
    assert page.locator("tr.board-group:visible").count() == 6
    assert page.locator("tr.board-row:visible").first.locator("td").first.inner_text() == "规上工业亩均税收"
    assert visit.problems() == NO_PROBLEMS


def test_board_without_javascript_is_the_full_table(shipped_site, open_page):
    visit = open_page(javascript=False)
    page = visit.page
    visit.load(shipped_site.page_url("board/"))
    assert page.locator("tr.board-row:visible").count() == 62
    assert page.locator(".board-controls").is_hidden()
    assert visit.problems() == NO_PROBLEMS


def test_home_leads_to_the_board_in_the_first_screen(shipped_site, open_page):
    visit = open_page()
    page = visit.page
    page.set_viewport_size(PHONE)
    visit.load(shipped_site.page_url(""))
    link = page.get_by_role("link", name="查看目标一览：全部 62 项目标由谁牵头、最新数字和状态")
    box = link.bounding_box()
    assert box and box["y"] + box["height"] <= PHONE["height"]
    link.click()
    page.wait_for_url("**/board/")
    assert page.locator("tr.board-row").count() == 62


NARROW_PAGES = ["", "board/", "indicators/manufacturing-investment-growth/", "tasks/action-1-1/", "units/economy-it/", "areas/kecheng/"]


@pytest.mark.parametrize("path", NARROW_PAGES)
def test_no_sideways_scroll_on_a_phone(path, shipped_site, open_page):
    visit = open_page()
    page = visit.page
    page.set_viewport_size(PHONE)
    visit.load(shipped_site.page_url(path))
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{path or 'home'} is {width}px wide"


def test_404_is_chinese_with_a_way_home(shipped_site, open_page):
    visit = open_page()
    page = visit.page
    visit.load(shipped_site.page_url("404.html"))
    assert page.locator("h1").inner_text() == "找不到这个页面（404）"
    assert page.locator("html").get_attribute("lang") == "zh"
    assert page.get_by_role("link", name="返回首页").is_visible()
    assert page.get_by_role("searchbox", name="搜索本站").is_visible()
    assert "Not found" not in page.inner_text("body")


def test_interim_only_wording_on_an_indicator(shipped_site, open_page):
    visit = open_page(javascript=False)
    page = visit.page
    visit.load(shipped_site.page_url("indicators/manufacturing-investment-growth/"))
    badge = page.locator("table.facts .status")
    assert badge.inner_text() == "无法判断"  # the plan has ended; the reason beside it names what is missing
    assert page.locator("table.facts td").nth(2).inner_text() == "市招商中心、市经信局\n相关任务（本站归纳，方案未写明）"
    assert visit.problems() == NO_PROBLEMS


def test_hostile_text_on_the_board_is_text(hostile_site, open_page):
    visit = open_page()
    page = visit.page
    visit.load(hostile_site.page_url("board/"))
    page.select_option("select[name=order]", "name")
    text = page.locator("table.board").inner_text()
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(1)>" in text
    options = " ".join(page.locator(".board-controls option").all_inner_texts())
    assert "<script>alert(1)</script>" in options
    assert visit.problems() == NO_PROBLEMS


def test_404_has_no_serious_accessibility_violation(shipped_site, open_page, axe):
    # The board and the about page are checked with every other page type (test_browser.py).
    visit = open_page()
    visit.load(shipped_site.page_url("404.html"))
    assert serious_violations(axe, visit.page) == ""
