"""The built sites in Chromium: every page type loads cleanly, locally and accessibly (axe), search, charts, no-JS,
keyboard, hostile text."""

from __future__ import annotations

import csv

import pytest

pytest.register_assert_rewrite("tests.browserfixtures")
from tests.browserfixtures import NO_PROBLEMS, handed_over, serious_violations  # noqa: E402 - after the rewrite hook, so the plugin's asserts are rewritten too
from tests.conftest import on_site  # noqa: E402
from tests.sitefixtures import DESCRIPTOR_PAYLOAD, PAYLOAD_PLAN_URL, Site  # noqa: E402

pytestmark = pytest.mark.browser

SITE_NAME = "衢州制造业攻坚行动进展"
DEMO_BANNER = "示例站点：本页所有数字均为虚构"

# (site, path, a text the page must show): one page of each type, from the shipped package and the small fixture.
PAGE_TYPES = {
    "home": ("shipped", "", "数据概况"),
    "home (demo)": ("small", "", "示例亩均税收"),
    "headline": ("shipped", "headline/", "规上工业亩均税收"),
    "indicators index": ("shipped", "indicators/", "省级重点企业研究院县域全覆盖"),
    "indicator with data": ("small", "indicators/new-firms/", "公开发布的数字"),
    "indicator with a published figure": ("shipped", "indicators/manufacturing-investment-growth/", "50.9%"),
    "indicator with an interim figure": ("small", "indicators/robots/", "阶段性数字"),
    "indicator without data": ("shipped", "indicators/key-research-institutes-county-coverage/", "暂无公开数字。"),
    "tasks index": ("shipped", "tasks/", "全面摸排高耗低效企业"),
    "task": ("shipped", "tasks/action-1-1/", "牵头单位"),
    "task with a report": ("small", "tasks/action-1-1/", "示例：已完成全部摸排（虚构）。"),
    "policy": ("shipped", "tasks/policy-1/", "方案原文"),
    "organisation": ("shipped", "tasks/organisation-1/", "方案原文"),
    "units index": ("shipped", "units/", "市经信局"),
    "unit": ("shipped", "units/economy-it/", "牵头的任务"),
    "unit (demo)": ("small", "units/economy-it/", "牵头的任务"),
    "areas index": ("shipped", "areas/", "柯城区"),
    "areas index with a ranking": ("small", "areas/", "赛马排名"),
    "area": ("shipped", "areas/kecheng/", "柯城区"),
    "area with figures": ("small", "areas/kecheng/", "示例甲区公开发布的数字"),
    "downloads": ("shipped", "downloads/", "datapackage.json"),
    "methodology": ("shipped", "methodology/", "方法说明"),
    "changelog": ("shipped", "changelog/", "更新记录"),
    "board": ("shipped", "board/", "目标一览"),
    "about": ("shipped", "about/", "关于本站"),
}


def site_of(request, name: str) -> Site:
    return request.getfixturevalue(f"{name}_site")


@pytest.mark.parametrize("page_type", [on_site(site, page_type) for page_type, (site, _, _) in PAGE_TYPES.items()])
def test_page_loads_cleanly_locally_and_accessibly(page_type, request, open_page, axe):
    """One visit per page type: it loads from this site alone with no error, and axe finds no serious or
    critical accessibility violation on it (as loaded, after the theme's fade-in has ended)."""
    site_name, path, expected_text = PAGE_TYPES[page_type]
    site = site_of(request, site_name)
    visit = open_page()
    page = visit.page
    response = visit.load(site.page_url(path))
    assert response.status == 200
    assert page.title().endswith(f" - {SITE_NAME}") or page.title() == SITE_NAME
    assert expected_text in page.inner_text("body")
    assert len(visit.requests) > 3, "the recorder saw the page's own requests"
    assert visit.problems() == NO_PROBLEMS
    assert_demo_banner(page, shown=site.name != "shipped")
    violations = serious_violations(axe, page)
    assert not violations, f"axe 在 {site.name}/{path} 发现严重的无障碍问题：\n{violations}"


def assert_demo_banner(page, *, shown: bool):
    if shown:
        banner = page.locator(".md-banner")
        assert banner.is_visible() and DEMO_BANNER in banner.inner_text()
    else:
        assert DEMO_BANNER not in page.inner_text("body")


def test_ranking_lists_areas_in_order(small_site, open_page):
    visit = open_page()
    page = visit.page
    visit.load(small_site.page_url("areas/"))
    ranking = page.locator("h2#ranking ~ div.table-wrap table").first
    assert ranking.locator("caption").inner_text() == "示例新增企业（2022年，越高越好）"
    rows = [[cell.inner_text() for cell in row.locator("td").all()] for row in ranking.locator("tbody tr").all()]
    # From tests/fixtures/small: 2022 figures of 示例乙区 70, 示例丙县 70 (provisional), 示例甲区 50; ties share a rank.
    assert rows == [["1", "示例乙区", "70家", "正式数"], ["1", "示例丙县", "70家", "初步数"], ["3", "示例甲区", "50家", "正式数"]]


def test_shipped_site_has_no_banner(shipped_site, open_page):
    """The real package is not a demo: no banner, and no empty banner strip either."""
    visit = open_page()
    page = visit.page
    visit.load(shipped_site.page_url(""))
    banners = page.locator(".md-banner")
    assert banners.count() == 0, "a banner strip is shown on the real site"


# ---- search ----------------------------------------------------------------------


def search(visit, query: str):
    """Type into the search box as a person would; return the result links."""
    visit.settle()  # the index loads asynchronously, from a worker
    page = visit.page
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label[for=__search]").first.click()
    box.click()
    page.keyboard.type(query)
    # Characters outside ASCII arrive as text input without key events; the theme searches on keyup.
    page.keyboard.press("End")
    results = page.locator(".md-search-result__list a")
    results.first.wait_for()
    return results


def test_search_finds_a_word_inside_a_longer_phrase(shipped_site, open_page):
    visit = open_page()
    page = visit.page
    visit.load(shipped_site.page_url(""))
    results = search(visit, "覆盖")  # only inside 省级重点企业研究院县域全覆盖
    target = page.locator(".md-search-result__list a[href*='indicators/key-research-institutes-county-coverage/']")
    assert target.count() >= 1, [link.get_attribute("href") for link in results.all()]
    target.first.click()
    page.wait_for_url("**/indicators/key-research-institutes-county-coverage/**")
    assert page.locator("h1").inner_text() == "省级重点企业研究院县域全覆盖"
    assert visit.problems() == NO_PROBLEMS


# ---- charts ----------------------------------------------------------------------


def assert_chart_shown(page):
    chart = page.locator("figure.chart img").first
    chart.scroll_into_view_if_needed()
    assert chart.is_visible()
    page.wait_for_function("image => image.complete", arg=chart.element_handle())
    assert chart.evaluate("image => image.naturalWidth") > 0, "chart image did not load"
    assert chart.get_attribute("alt").strip(), "chart has no text alternative"


@pytest.mark.parametrize("path", ["", "indicators/new-firms/"])
def test_chart_is_shown_with_a_text_alternative(path, small_site, open_page):
    visit = open_page()
    page = visit.page
    visit.load(small_site.page_url(path))
    assert_chart_shown(page)
    # A screen reader hears the text alternative once, as the image's; the same words under the chart are for the eye.
    figure = page.locator("figure.chart").first
    alt = figure.locator("img").get_attribute("alt")
    assert alt in figure.inner_text()
    assert figure.aria_snapshot().count(alt) == 1
    assert visit.problems() == NO_PROBLEMS


# ---- without JavaScript ------------------------------------------------------------


def test_home_without_javascript(small_site, open_page):
    visit = open_page(javascript=False)
    page = visit.page
    visit.load(small_site.page_url(""))
    table = page.locator("article table.data").first
    assert table.is_visible()
    assert "示例亩均税收" in table.inner_text()
    assert_chart_shown(page)
    assert page.locator(".md-banner").is_visible()
    assert visit.problems() == NO_PROBLEMS


def test_indicator_without_javascript(small_site, open_page):
    visit = open_page(javascript=False)
    page = visit.page
    visit.load(small_site.page_url("indicators/new-firms/"))
    facts = page.locator("table.facts")
    assert facts.is_visible()
    assert "2021—2023年累计不低于300家" in facts.inner_text()
    assert_chart_shown(page)
    assert page.locator("article table.data").is_visible()
    assert visit.problems() == NO_PROBLEMS


# ---- keyboard ----------------------------------------------------------------------

MAX_TABS = 25
FOCUSED = """() => { const e = document.activeElement;
    return e.matches('.md-skip') ? 'skip' : e.matches('input.md-search__input, label[for=__search]') ? 'search'
         : e.matches('.md-tabs__link, .md-nav--primary .md-nav__link') ? 'nav' : e.tagName.toLowerCase(); }"""


def tab_through(page, stop_when: set[str]) -> list[str]:
    """Press Tab from the top of the page until every kind in stop_when was focused, at most MAX_TABS times."""
    assert page.evaluate("document.activeElement === document.body"), "something is focused before the first Tab"
    reached = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        reached.append(page.evaluate(FOCUSED))
        if stop_when <= set(reached):
            break
    return reached


@pytest.mark.parametrize("page_type", [on_site(PAGE_TYPES[t][0], t) for t in ("home", "headline", "indicator without data", "task", "area")])
def test_tab_reaches_search_and_navigation(page_type, request, open_page):
    site_name, path, _ = PAGE_TYPES[page_type]
    visit = open_page()
    visit.load(site_of(request, site_name).page_url(path))
    reached = tab_through(visit.page, {"skip", "search", "nav"})
    assert "search" in reached, f"search not reached within {MAX_TABS} presses: {reached}"
    assert "nav" in reached, f"navigation not reached within {MAX_TABS} presses: {reached}"
    assert reached[0] == "skip", f"the first Tab reaches {reached[0]!r}, not the skip link 跳转至: {reached}"


# ---- hostile text ------------------------------------------------------------------

# Written out from scripts/tools/synthetic/hostile.py's HOSTILE; long text cells carry all of it, joined by spaces.
HOSTILE_RUN = "<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) {{ config }} {% raw %}{% endraw %} **bold** | a | b | 第一行"
# page type -> (path, where the page's name comes from: (CSV, id, columns joined by a space), or None)
HOSTILE_PAGES = {
    "home": ("", None),
    "headline": ("headline/", None),
    "indicators index": ("indicators/", None),
    "indicator with data": ("indicators/level-1/", ("indicators", "level-1", ("name",))),
    "indicator with a milestone": ("indicators/milestone-1/", ("indicators", "milestone-1", ("name",))),
    "tasks index": ("tasks/", None),
    "task": ("tasks/action-1-1/", ("tasks", "action-1-1", ("number", "title"))),
    "policy": ("tasks/policy-1/", ("tasks", "policy-1", ("number", "title"))),
    "units index": ("units/", None),
    "unit": ("units/dept-1/", ("units", "dept-1", ("name",))),
    "unit 2": ("units/dept-2/", ("units", "dept-2", ("name",))),
    "areas index": ("areas/", None),
    "area": ("areas/quzhou/", ("areas", "quzhou", ("name",))),
    "area 2": ("areas/dong-qu/", ("areas", "dong-qu", ("name",))),
    "downloads": ("downloads/", None),
    "methodology": ("methodology/", None),
    "changelog": ("changelog/", None),
}
# Pages that show no CSV text, only the descriptor and hand-written Markdown.
NO_DATA_TEXT = {"downloads", "methodology", "changelog"}
# What `{{ config }}` would print if a template rendered it.
CONFIG_DUMP = ["site_name", "docs_dir", "site_dir", "markdown_extensions", "use_directory_urls", "mkdocs_macros", "MkDocsConfig"]

INJECTED = """() => ({
  scripts: [...document.scripts].filter(s => /alert|onerror/.test(s.textContent)).map(s => s.outerHTML.slice(0, 120)),
  handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes].filter(a => a.name.startsWith('on')).map(a => `<${e.tagName} ${a.name}="${a.value}">`)),
  javascript_urls: [...document.querySelectorAll('[href], [src], [action], [formaction]')].flatMap(e =>
      ['href', 'src', 'action', 'formaction'].map(n => e.getAttribute(n)).filter(v => v && /^\\s*javascript:/i.test(v))),
  images_from_data: [...document.images].filter(i => i.getAttribute('src') === 'x').length,
  markdown_rendered: [...document.querySelectorAll('strong, b, em')].filter(e => e.textContent.trim() === 'bold').length,
  table_from_text: [...document.querySelectorAll('td, th')].filter(e => ['a', 'b'].includes(e.textContent.trim())).length,
})"""


def hostile_name(site: Site, table: str, key: str, columns: tuple[str, ...]) -> str:
    """A name as written in the hostile package's CSV (the input, not the site's output)."""
    with open(site.package.parent / "data" / f"{table}.csv", encoding="utf-8", newline="") as handle:
        row = next(row for row in csv.DictReader(handle) if row["id"] == key)
    return " ".join(row[column] for column in columns)


def assert_nothing_injected(page, where: str):
    found = page.evaluate(INJECTED)
    assert found == {"scripts": [], "handlers": [], "javascript_urls": [], "images_from_data": 0, "markdown_rendered": 0, "table_from_text": 0}, where


@pytest.mark.parametrize("page_type", HOSTILE_PAGES)
def test_hostile_text_is_shown_literally(page_type, hostile_site, open_page):
    path, named_by = HOSTILE_PAGES[page_type]
    visit = open_page()
    page = visit.page
    response = visit.load(hostile_site.page_url(path))
    assert response.status == 200
    text = page.inner_text("body")
    if page_type not in NO_DATA_TEXT:
        assert "<script>alert(1)</script>" in text
        assert "{{ config }}" in text
    if named_by:
        # Escaped exactly once: the title and heading read as the CSV does, neither "&lt;" nor markup.
        name = hostile_name(hostile_site, *named_by)
        assert page.title() == f"{name} - {SITE_NAME}"
        assert page.locator("h1").first.inner_text() == name
    # The data holds no "&lt;" or "&gt;": if they show, something was escaped twice.
    alts = " ".join(page.evaluate("[...document.images].map(image => image.alt)"))
    assert [entity for entity in ("&lt;", "&gt;", "&quot;", "&#") if entity in text + page.title() + alts] == []
    html = page.content()
    assert [word for word in CONFIG_DUMP if word in text or word in html] == []
    assert_nothing_injected(page, page_type)
    assert_demo_banner(page, shown=True)
    assert visit.problems() == NO_PROBLEMS


def test_hostile_long_text_is_complete(hostile_site, open_page):
    """Nothing is eaten: the whole run of markup, template and table syntax shows, in order, then the second line."""
    visit = open_page()
    page = visit.page
    visit.load(hostile_site.page_url("indicators/level-1/"))
    clause = page.locator("blockquote.clause").inner_text()
    assert HOSTILE_RUN in clause
    assert "第二行 &amp;" in " ".join(clause.split()), "the newline becomes a space and &amp; stays as typed"
    name = hostile_name(hostile_site, "indicators", "level-1", ("name",))
    assert page.locator("figure.chart img").get_attribute("alt").startswith(name), "the chart's text alternative is literal too"


def test_hostile_search_results_are_text(hostile_site, open_page):
    visit = open_page()
    page = visit.page
    visit.load(hostile_site.page_url(""))
    results = search(visit, "onerror")
    assert "<img src=x onerror=alert(1)>" in page.locator(".md-search-result").inner_text()
    assert results.count() > 0
    assert_nothing_injected(page, "search results")
    # Following a result highlights the query on the target page (search.highlight).
    visit.load(hostile_site.page_url("indicators/level-1/?h=onerror+script+alert+config"))
    assert page.locator("mark").count() > 0
    assert_nothing_injected(page, "highlighted page")
    assert visit.problems() == NO_PROBLEMS


def test_hostile_chart_opened_on_its_own_runs_nothing(hostile_site, open_page):
    visit = open_page()
    page = visit.page
    response = visit.load(hostile_site.page_url("charts/level-1.svg"))
    assert response.status == 200 and "svg" in response.headers["content-type"]
    assert "<script>alert(1)</script>" in page.locator("svg").text_content()
    assert page.evaluate("document.querySelectorAll('script').length") == 0
    assert visit.problems() == NO_PROBLEMS


# ---- every payload of the pull-request attack lists, built without validation ---------------------------------
# payload_site (tests/sitefixtures.py): the small fixture with every free-text cell and every descriptor string a
# payload, deceptive source and licence addresses, a hostile change log; built once per run.


def test_every_payload_is_text_with_no_dialog_and_no_outside_request(payload_site, open_page):
    shown = {
        "changelog/": ["<script>alert(1)</script>", "<img src=x onerror=alert(2)>", '<iframe src="https://evil.example/"></iframe>',
                       "[点我](javascript:alert(3))", "0.2.0 {: onclick=alert(1) }", "<javascript:alert(4)>"],
        "indicators/tax-per-mu/": ["[点我](javascript:alert(document.domain)) ![p](https://evil.example/p.png)", "+cmd|' /C calc'!A0"],
        "": ["<script>alert(1)</script>"],
        "about/": [DESCRIPTOR_PAYLOAD, f"（{PAYLOAD_PLAN_URL}）", "（https://www.qz.gov.cn．evil.example/）"],
        "downloads/": [DESCRIPTOR_PAYLOAD],
    }
    visit = open_page()
    for path, payloads in shown.items():
        handed_over(visit)  # each page as if new: its records only, no storage left by the last
        page = visit.page
        assert visit.load(payload_site.page_url(path)).status == 200
        text = page.inner_text("body")
        for payload in payloads:
            assert payload in text, (path, payload)
        assert page.locator("iframe").count() == 0, path
        assert_nothing_injected(page, path)
        assert visit.problems() == NO_PROBLEMS, path


# Every link of the page, clicked: navigation to http(s) addresses is held back (the click itself still runs any
# handler the data could have attached), every other scheme is followed, so a javascript: link would run here.
CLICK_EVERY_LINK = """() => {
  document.addEventListener('click', event => {
    const link = event.target.closest('a');
    if (link && /^https?:$/.test(link.protocol)) event.preventDefault();
  }, true);
  const links = [...document.querySelectorAll('a[href]')];
  const offSite = [];
  for (const link of links) {
    let url;
    try { url = new URL(link.getAttribute('href'), location.href); }
    catch (error) { offSite.push({href: link.getAttribute('href'), host: '', text: link.textContent}); continue; }
    const beside = link.nextElementSibling && link.nextElementSibling.matches('.link-host') ? link.nextElementSibling.textContent : '';
    if (url.origin !== location.origin) offSite.push({href: link.getAttribute('href'), host: url.hostname,
                                                     text: link.textContent + beside});
    link.click();
  }
  return {count: links.length, offSite};
}"""


def site_pages(site) -> list[str]:
    """The path of every page of a built site, as a reader opens it."""
    pages = sorted(p.relative_to(site.root).as_posix() for p in site.root.rglob("*.html"))
    return [page.removesuffix("index.html") for page in pages]


def test_every_link_on_every_page_of_the_payload_site_runs_nothing_and_shows_where_it_leads(payload_site, open_page):
    visit = open_page()
    clicked, unseen_hosts = 0, []
    pages = site_pages(payload_site)
    assert len(pages) > 20 and "about/" in pages and "404.html" in pages
    for path in pages:
        visit.load(payload_site.page_url(path))
        result = visit.page.evaluate(CLICK_EVERY_LINK)
        visit.page.wait_for_timeout(20)  # a javascript: link, had there been one, runs as a task after the click
        clicked += result["count"]
        unseen_hosts += [(path, link) for link in result["offSite"]
                         if not link["host"] or link["host"] not in link["text"] or not link["href"].startswith(("https://", "http://"))]
        assert_nothing_injected(visit.page, path)
    assert clicked > 500
    assert unseen_hosts == []  # no link leaves the site unless its text shows where it leads
    assert visit.problems() == NO_PROBLEMS  # no dialog: no script from the data ran
