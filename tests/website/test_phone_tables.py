"""Wide tables on a 390 px phone (Chromium): they scroll inside their own box with the first column in view,
and no row is much taller than its text needs."""

from __future__ import annotations

import pytest

pytest.register_assert_rewrite("tests.browserfixtures")
from tests.browserfixtures import NO_PROBLEMS  # noqa: E402 - after the rewrite hook
from tests.conftest import on_site  # noqa: E402

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
# The published figures of 制造业投资年均增长: seven columns, notes of up to about 90 characters in 说明.
SOURCES_PAGE = "indicators/manufacturing-investment-growth/"
# The longest note at its 20em column (300 px, 15 px text: 20 characters a line) takes 5 lines of 24 px, plus
# padding: about 130 px. Before the columns were given widths the rows were 350-540 px tall.
ROW_HEIGHT_LIMIT = 160


@pytest.fixture
def phone(open_page):
    """The worker's reused page (tests/browserfixtures.py) at a phone's width."""
    visit = open_page()
    visit.page.set_viewport_size(PHONE)
    return visit


def test_sources_table_scrolls_in_its_own_box_with_the_first_column_in_view(shipped_site, phone):
    page = phone.page
    phone.load(shipped_site.page_url(SOURCES_PAGE))
    assert page.evaluate("document.documentElement.scrollWidth") == 390, "the page itself scrolls sideways"
    wrap = page.locator(".table-wrap:has(table.data th:text-is('说明'))").first
    headers = wrap.locator("th").all_inner_texts()
    assert headers == ["时期", "区域", "数值", "数据状态", "来源", "原发或转载", "发布日期", "说明"]
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


# ---- tables of targets: one card per target on a phone, a table on a desk -----------------------------------------

DESK = {"width": 1366, "height": 900}
# Every row of every table of targets, measured in the page: what is out of place, as readable lines (none: []).
TARGET_ROWS = """() => {
  const problems = [], widths = new Set();
  const article = document.querySelector("article").getBoundingClientRect();
  for (const table of document.querySelectorAll("table.targets")) {
    const wrap = table.closest(".table-wrap");
    if (wrap.scrollWidth > wrap.clientWidth) problems.push(`a table of targets scrolls sideways: ${wrap.scrollWidth} > ${wrap.clientWidth}`);
    for (const row of table.querySelectorAll("tr.board-row, tbody:not(.board-sorted) > tr:not(.board-group)")) {
      const name = row.cells[0].querySelector("a").textContent;
      widths.add(Math.round(row.getBoundingClientRect().width));
      for (const cell of [...row.cells].slice(0, 3)) {
        const box = cell.getBoundingClientRect();
        if (box.left < article.left - 1 || box.right > article.right + 1 || box.right > window.innerWidth)
          problems.push(`${name}: ${cell.dataset.label} at ${Math.round(box.left)}–${Math.round(box.right)} px`);
        if (cell.scrollWidth > cell.clientWidth) problems.push(`${name}: ${cell.dataset.label} is cut`);
      }
    }
  }
  return {problems, widths: [...widths], article: Math.round(article.width)};
}"""
# The home page, a unit page and the board (the longest real names: 新增省级高新技术企业研发中心(工程中心、企业技术中心),
# 仅有阶段性数字（4 个），尚无全年数字), and the hostile package's board (long made-up names, markup as text).
TARGET_PAGES = [("shipped", ""), ("shipped", "units/economy-it/"), ("shipped", "board/"), ("hostile", "board/")]


@pytest.mark.parametrize(("site", "path"), [on_site(site, site, path) for site, path in TARGET_PAGES])
def test_every_target_shows_name_status_and_figure_without_sideways_scrolling(site, path, request, open_page):
    visit = open_page()
    page = visit.page
    built = request.getfixturevalue(f"{site}_site")
    for viewport in (PHONE, DESK):
        page.set_viewport_size(viewport)
        visit.load(built.page_url(path))
        assert page.evaluate("document.documentElement.scrollWidth") == viewport["width"], "the page itself scrolls sideways"
        measured = page.evaluate(TARGET_ROWS)
        assert measured["problems"] == [], viewport
        if viewport is PHONE:
            # each card the full width of the page's text (358 px), not squeezed beside a sticky column
            assert measured["widths"] == [measured["article"]] == [358]
            label = page.locator("table.targets td:nth-child(2)").first.evaluate("cell => getComputedStyle(cell, '::before').content")
            assert label == '"状态："'
        else:
            assert page.locator("table.targets thead th").first.evaluate("th => th.closest('tr').innerText.split('\\t')") == [
                "指标", "状态", "最新公开数字", "目标", "牵头单位"]
    assert visit.problems() == NO_PROBLEMS


@pytest.mark.parametrize("path", ["indicators/tax-per-mu/", "about/"])
def test_a_word_wider_than_the_phone_breaks_instead_of_widening_the_page(path, payload_site, phone):
    # The payload indicator's unit (in the facts table) and the descriptor's version (in every footer) end in
    # 200 letters without a space (tests/sitefixtures.py PAYLOAD_LONG_WORD).
    page = phone.page
    phone.load(payload_site.page_url(path))
    assert page.get_by_text("ABCDEFGHIJ" * 20, exact=False).count() >= 1
    assert page.evaluate("document.documentElement.scrollWidth") == 390, "the page itself scrolls sideways"
