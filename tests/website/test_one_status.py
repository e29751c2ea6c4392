"""One status, one wording: what the progress stage decided for a reader is what the chart, the badge, the board and
progress.csv all say. The case that once split them: a provisional and a final figure for the same quarter."""

import csv
import datetime
import re
from pathlib import Path

from scripts.core.package import Package
from scripts.progress.progress_csv import write_progress_csv
from scripts.progress.results import compute_progress
from scripts.website.charts import build_specs, text_alternative
from scripts.website.pages import SiteContext
from scripts.website.pages.board import board_page
from scripts.website.pages.indicator import indicator_page

PLAN = {"base_year": 2020, "start_year": 2021, "end_year": 2023}


def quarter_twice(today: datetime.date):
    """One indicator whose only figures are 2023 Q1, published first as provisional, then as final."""
    figure = {"indicator_id": "x", "area_id": "quzhou", "period": "2023-Q1", "source": "示例（虚构）",
              "source_url": "https://example.org/x", "source_type": "original", "original_publisher": None,
              "published": datetime.date(2023, 4, 20), "note": None}
    tables = {
        "areas": [{"id": "quzhou", "name": "示例市", "kind": "city", "order": 1}],
        "indicators": [{"id": "x", "name": "示例指标", "unit": "家", "headline": True, "task_id": None,
                        "direction": "increase", "target_kind": "cumulative", "order": 1, "clause": "示例条文（虚构）", "note": None}],
        "targets": [{"indicator_id": "x", "year": 2023, "value": 100.0, "comparator": ">="}],
        "observations": [{**figure, "value": 20.0, "status": "provisional"}, {**figure, "value": 21.0, "status": "final"}],
    }
    package = Package(path=Path("x/datapackage.json"), descriptor={"name": "x", "version": "1.0.0", "plan": PLAN}, tables=tables)
    return compute_progress(package, today)


def said_everywhere(results, tmp_path) -> list[str]:
    """The reader's status as the chart, the indicator page's badge, the board's row and progress.csv say it."""
    chart = text_alternative(build_specs(results)["x"]).rsplit("状态：", 1)[1].rstrip("。")
    context = SiteContext(results, {})
    badge = re.search(r'<span class="status[^"]*">([^<]*)</span>', indicator_page(context, results.catalog.indicators["x"]).body)[1]
    board = re.search(r'<tr class="board-row".*?<span class="status[^"]*">([^<]*)</span>', board_page(context).body, re.S)[1]
    rows = list(csv.DictReader(write_progress_csv(results, tmp_path / "progress.csv").read_text(encoding="utf-8-sig").splitlines()))
    return [chart, badge, board, rows[0]["reader_label"]]


def test_a_provisional_and_a_final_figure_for_one_quarter_are_one_interim_figure_everywhere(tmp_path):
    results = quarter_twice(datetime.date(2023, 6, 30))  # while the plan runs
    assert said_everywhere(results, tmp_path) == ["仅有阶段性数字（1 个），尚无全年数字"] * 4


def test_once_the_plan_has_ended_everywhere_says_it_cannot_be_judged(tmp_path):
    results = quarter_twice(datetime.date(2026, 12, 6))
    assert said_everywhere(results, tmp_path) == ["无法判断"] * 4
    assert results["x"].reader.reason == "2021年、2022年、2023年全市全年数字未见公开发布；阶段性数字只作展示，不决定状态。"
