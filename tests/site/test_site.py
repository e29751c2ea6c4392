"""The built site, read as HTML files: pages, responsibility, escaping, downloads, and the safe swap."""

import csv
import html
import re
import zipfile
from pathlib import Path

import pytest

from scripts.site.build import BuildFailed, build_site
from tests.conftest import SHIPPED, fixture_package

# Markup that must never reach a page unescaped, and text that must appear exactly as typed.
HOSTILE_MARKUP = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]
HOSTILE_TEXT = [*HOSTILE_MARKUP, "[x](javascript:alert(1))", "{{ config }}", "{% raw %}{% endraw %}", "**bold**"]


@pytest.fixture(scope="module")
def shipped_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("shipped") / "site"
    build_site(SHIPPED, site, site.parent / "work")
    return site


@pytest.fixture(scope="module")
def small_site(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("small")
    package = fixture_package("small", base / "package")
    build_site(package, base / "site", base / "work")
    return base / "site"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    from scripts.tools.synthetic import write_synthetic_package

    base = tmp_path_factory.mktemp("hostile")
    package = write_synthetic_package(base / "package", scale=1, seed=0, hostile=True)
    build_site(package, base / "site", base / "work")
    return base / "site"


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


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
    pages = sorted(p.parent.name for p in (shipped_site / "tasks").glob("*/index.html"))
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


def test_county_government_is_responsible_body_for_every_task(shipped_site):
    text = visible_text(page(shipped_site, "units/kecheng-government"))
    assert "作为责任主体负责 29 项" in text


def test_indicator_without_figures_says_so_plainly(shipped_site):
    text = visible_text(page(shipped_site, "indicators/tax-per-mu"))
    assert "暂无公开数据" in text
    assert "我们不估算、不补填" in text
    assert "2023年不低于22万元" in text


def test_indicator_with_interim_figures_lists_them_with_sources(shipped_site):
    markup = page(shipped_site, "indicators/manufacturing-investment-growth")
    assert "2023年上半年（阶段性数字）" in visible_text(markup)
    assert 'href="http://zjnews.zjol.com.cn/202307/t20230725_26013414.shtml"' in markup
    assert "暂无数据" in visible_text(markup)  # interim figures never decide a status


def test_no_resource_is_requested_from_another_origin(shipped_site):
    offenders = []
    for path in shipped_site.rglob("*.html"):
        markup = path.read_text(encoding="utf-8")
        for match in re.finditer(r'<(script|link|img|iframe|source|video|audio)\b[^>]*?\b(src|href)="([^"]+)"', markup):
            if re.match(r"(https?:)?//", match.group(3)):
                offenders.append((path.relative_to(shipped_site).as_posix(), match.group(0)[:120]))
    assert offenders == []


def test_no_web_fonts_in_stylesheets(shipped_site):
    for css in shipped_site.rglob("*.css"):
        assert "fonts.googleapis" not in css.read_text(encoding="utf-8")


def test_downloads_hold_the_package_and_progress(shipped_site):
    data = shipped_site / "data"
    with zipfile.ZipFile(data / "quzhou-manufacturing-plan-2021-2023.zip") as bundle:
        names = sorted(bundle.namelist())
    assert names == [
        "data/areas.csv", "data/figure_sources.csv", "data/indicators.csv", "data/observations.csv",
        "data/related_tasks.csv", "data/targets.csv", "data/task_reports.csv", "data/task_units.csv", "data/tasks.csv",
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
    pages = list(small_site.rglob("index.html"))
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
    for path in ["", "indicators/level-1", "tasks/action-1-1", "units/dept-1", "areas", "downloads", "headline"]:
        markup = page(hostile_site, path)
        for needle in HOSTILE_MARKUP:
            assert needle not in markup  # never raw in the HTML
        assert "alert(1)" not in re.sub(r"&[a-z]+;|&#\d+;", "", "".join(re.findall(r"<script\b[^>]*>(.*?)</script>", markup, re.S)))
        assert 'href="javascript:' not in markup
        assert " onerror=" not in markup.replace("&lt;img src=x onerror=alert(1)&gt;", "")


def test_hostile_text_visible_on_task_page(hostile_site):
    tasks = sorted(p.parent.name for p in (hostile_site / "tasks").glob("*/index.html"))
    text = visible_text(page(hostile_site, f"tasks/{tasks[0]}"))
    for needle in HOSTILE_TEXT:
        assert needle in text
    assert "<strong>bold</strong>" not in page(hostile_site, f"tasks/{tasks[0]}")


def test_failed_validation_keeps_the_previous_site(tmp_path, shipped_copy):
    site = tmp_path / "site"
    build_site(shipped_copy, site, tmp_path / "work")
    before = (site / "index.html").read_text(encoding="utf-8")
    observations = shipped_copy.parent / "data" / "observations.csv"
    observations.write_text(observations.read_text(encoding="utf-8").replace(",46.8,", ",46.8万,"), encoding="utf-8")
    with pytest.raises(BuildFailed):
        build_site(shipped_copy, site, tmp_path / "work")
    assert (site / "index.html").read_text(encoding="utf-8") == before


def test_progress_csv_download_holds_computed_statuses(small_site):
    with open(small_site / "data" / "progress.csv", encoding="utf-8-sig", newline="") as handle:
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
