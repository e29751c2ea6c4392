"""Wide tables on a 390 px phone (Chromium): they scroll inside their own box with the first column in view,
and no row is much taller than its text needs."""

from __future__ import annotations

import pytest

pytest.register_assert_rewrite("tests.browserfixtures")
from tests.browserfixtures import NO_PROBLEMS, Visit  # noqa: E402 - after the rewrite hook

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
# The published figures of 制造业投资年均增长: seven columns, notes of up to about 90 characters in 说明.
SOURCES_PAGE = "indicators/manufacturing-investment-growth/"
# The longest note at its 20em column (300 px, 15 px text: 20 characters a line) takes 5 lines of 24 px, plus
# padding: about 130 px. Before the columns were given widths the rows were 350-540 px tall.
ROW_HEIGHT_LIMIT = 160


@pytest.fixture
def phone(browser):
    context = browser.new_context(java_script_enabled=True, locale="zh-CN", viewport=PHONE)
    context.set_default_timeout(10_000)
    yield Visit(context)
    context.close()


def test_sources_table_scrolls_in_its_own_box_with_the_first_column_in_view(shipped_site, phone):
    page = phone.page
    phone.load(shipped_site.page_url(SOURCES_PAGE))
    assert page.evaluate("document.documentElement.scrollWidth") == 390, "the page itself scrolls sideways"
    wrap = page.locator(".table-wrap:has(table.data th:text-is('说明'))").first
    headers = wrap.locator("th").all_inner_texts()
    assert headers == ["时期", "区域", "数值", "数据状态", "来源", "发布日期", "说明"]
    scroll_width, client_width = wrap.evaluate("w => [w.scrollWidth, w.clientWidth]")
    assert scroll_width > client_width, "the table is squeezed into the screen instead of scrolling in its box"
    wrap.evaluate("w => { w.scrollLeft = w.scrollWidth; }")
    left_of_box = wrap.evaluate("w => w.getBoundingClientRect().left")
    first_cells = wrap.locator("tbody tr > td:first-child")
    assert first_cells.first.inner_text() == "2022年第一季度（阶段性数字）"
    for left in first_cells.evaluate_all("cells => cells.map(c => c.getBoundingClientRect().left)"):
        assert left == left_of_box, "the first column scrolled out of view"
    # what is in view at the first column's place is the first column, not a cell scrolled beneath it
    first_cells.first.scroll_into_view_if_needed()
    x, y = first_cells.first.evaluate("c => { const r = c.getBoundingClientRect(); return [r.left + 4, r.top + 4]; }")
    assert page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('td').cellIndex", [x, y]) == 0
    heights = wrap.locator("tr").evaluate_all("rows => rows.map(r => r.getBoundingClientRect().height)")
    assert max(heights) <= ROW_HEIGHT_LIMIT, heights
    assert phone.problems() == NO_PROBLEMS
