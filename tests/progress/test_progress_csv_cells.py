"""progress.csv is written for readers who open it in Excel: text that could start a formula gets a quote."""

from scripts.progress.kinds import kind_of
from scripts.progress.progress_csv import write_progress_csv
from scripts.progress.reader import ReaderStatus
from scripts.progress.results import IndicatorResult


def test_progress_csv_neutralises_formula_text_and_keeps_negative_numbers(tmp_path):
    level = kind_of("level")
    results = {
        "a": IndicatorResult(indicator_id="a", kind=level, status="behind", status_label="进度滞后",
                             note="=HYPERLINK(\"http://evil.example\")", gap=-3.5, latest_value=-5.0,
                             reader=ReaderStatus("behind", "进度滞后", "+1")),
        "b": IndicatorResult(indicator_id="b", kind=level, status="no_data", status_label="暂无数据", note="@SUM(1)",
                             reader=ReaderStatus("cannot_judge", "无法判断", "-x")),
    }
    path = write_progress_csv(results, tmp_path / "progress.csv")
    assert path.read_bytes().decode("utf-8") == (
        "\ufeffindicator_id,status,status_label,pace_ratio,latest_period,latest_value,measure,expected_by_now,"
        "target_year,target_value,gap,note,reader_status,reader_label,reader_reason,target_verdicts\n"
        'a,behind,进度滞后,,,-5,,,,,-3.5,"\'=HYPERLINK(""http://evil.example"")",behind,进度滞后,\'+1,\n'
        "b,no_data,暂无数据,,,,,,,,,'@SUM(1),cannot_judge,无法判断,'-x,\n"
    )
