"""Corrections and withdrawals as data (data/revisions.csv): validated against the figure they name, shown on the
indicator page with date and reason, a withdrawn figure never deciding a status, and said in the change log."""

import datetime
import re

from scripts.core import clock
from scripts.core.package import read_package
from scripts.progress.results import compute_progress
from scripts.tools.check.versions import describe_changes
from scripts.tools.datadiff.diff import diff_packages
from scripts.website.pages import SiteContext
from scripts.website.pages.indicator import indicator_page
from tests.conftest import copy_package
from tests.sitefixtures import RUNNING
from tests.validate.shared import DEMO_REVIEW, validate_package
from tests.helpers import flat

REVISIONS = "data/revisions.csv"
HEADER = "indicator_id,area_id,period,status,date,action,previous_value,reason\n"


def revise(descriptor, *lines: str) -> None:
    (descriptor.parent / REVISIONS).write_text(HEADER + "".join(line + "\n" for line in lines), encoding="utf-8")


def page_text(descriptor, indicator_id: str) -> str:
    results = compute_progress(read_package(descriptor), RUNNING)
    page = indicator_page(SiteContext(results, {}), results.catalog.indicators[indicator_id])
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", str(page.body))).strip()


def test_a_correction_and_a_withdrawal_are_valid_and_shown_with_date_and_reason(small_package):
    revise(small_package,
           "tax-per-mu,quzhou,2021,final,2024-03-01,corrected,17.2,市统计局发布了修订数（虚构）",
           "robots,quzhou,2022-H1,provisional,2024-05-10,withdrawn,,原报道已删除（虚构）")
    assert validate_package(small_package).errors == []

    assert "## 更正和撤回 {#revisions} 2024-03-01 更正 ：示例市2021年的正式数由 17.2万元 改为 17.5万元。原因：市统计局发布了修订数（虚构）" in page_text(small_package, "tax-per-mu")
    # the figure itself says it was corrected: its source and quote may still show the value it replaced
    assert "示例市 17.5万元（2024-03-01更正，原为17.2万元，见“更正和撤回”） 正式数" in page_text(small_package, "tax-per-mu")
    robots = page_text(small_package, "robots")
    assert "2024-05-10 撤回 ：示例市2022年上半年的初步数 300台已撤回，不再用于判断状态。原因：原报道已删除（虚构）" in robots
    assert "2022年上半年（阶段性数字）" not in robots  # no longer in the table of published figures


def test_a_withdrawn_figure_never_decides_a_status(small_package, tmp_path):
    before = compute_progress(read_package(small_package), RUNNING)["tax-per-mu"]
    revise(small_package, "tax-per-mu,quzhou,2021,final,2024-03-01,withdrawn,,口径有误（虚构）")
    after = compute_progress(read_package(small_package), RUNNING)["tax-per-mu"]
    # 2021 (17.5) decided on_track; withdrawn, only the 2020 base figure is left: nothing to judge by.
    assert (before.status, after.status) == ("on_track", "no_data")
    assert "已有公开数字，尚不能判断" in page_text(small_package, "tax-per-mu")


def test_revisions_are_checked_against_the_figure_they_name(small_package):
    tomorrow = (clock.today() + datetime.timedelta(days=1)).isoformat()  # the validator's day: Quzhou's
    revise(small_package,
           "tax-per-mu,quzhou,2021,final,2024-03-01,corrected,,没有写原数值",
           "tax-per-mu,quzhou,2019,final,2024-03-01,withdrawn,,没有这个数字",
           f"robots,quzhou,2021,final,{tomorrow},withdrawn,,日期在将来",
           "robots,quzhou,2022-H1,provisional,2024-05-10,deleted,,类别不对")
    report = validate_package(small_package)
    assert flat(report) == [
        DEMO_REVIEW,
        (REVISIONS, 2, "previous_value", "correction-without-previous"),
        (REVISIONS, 3, "indicator_id,area_id,period,status", "unknown-reference"),
        (REVISIONS, 4, "date", "revision-in-future"),
        (REVISIONS, 5, "action", "not-in-list"),
    ]
    assert report.problems[1].message + report.problems[1].fix == (
        "这是一条更正（corrected），没有写原来的数值。请在「原数值」填上更正前公布的数值；撤回（withdrawn）的行才不填。")


def test_the_change_log_draft_says_it_once_with_its_reason(small_package, tmp_path):
    changed = copy_package(small_package, tmp_path / "changed")
    path = changed.parent / "data" / "observations.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("tax-per-mu,quzhou,2021,17.5,", "tax-per-mu,quzhou,2021,17.2,"), encoding="utf-8")
    revise(changed, "tax-per-mu,quzhou,2021,final,2024-03-01,corrected,17.5,市统计局发布了修订数（虚构）。",
           "robots,quzhou,2022-H1,provisional,2024-05-10,withdrawn,,原报道已删除（虚构）")

    assert describe_changes(diff_packages(read_package(small_package), read_package(changed))) == [
        "更正进展数字：示例亩均税收（万元） 示例市 2021年 正式数：数值由 17.5万元 改为 17.2万元（2024-03-01；原因：市统计局发布了修订数（虚构））。",
        "撤回进展数字：示例新增机器人（台） 示例市 2022年上半年 初步数，不再用于判断状态（2024-05-10；原因：原报道已删除（虚构））。",
    ]
