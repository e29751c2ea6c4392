"""progress.csv is written for readers who open it in Excel: text that could start a formula gets a quote."""

from scripts.progress.method import IndicatorProgress, write_progress_csv


def test_progress_csv_neutralises_formula_text_and_keeps_negative_numbers(tmp_path):
    results = {
        "a": IndicatorProgress(indicator_id="a", kind="level", status="behind", status_label="进度滞后",
                               note="=HYPERLINK(\"http://evil.example\")", gap=-3.5, latest_value=-5.0),
        "b": IndicatorProgress(indicator_id="b", kind="level", status="no_data", status_label="暂无数据", note="@SUM(1)"),
    }
    path = write_progress_csv(results, tmp_path / "progress.csv")
    assert path.read_bytes().decode("utf-8") == (
        "\ufeffindicator_id,status,status_label,pace_ratio,latest_period,latest_value,measure,expected_by_now,"
        "target_year,target_value,gap,note\n"
        'a,behind,进度滞后,,,-5,,,,,-3.5,"\'=HYPERLINK(""http://evil.example"")"\n'
        "b,no_data,暂无数据,,,,,,,,,'@SUM(1)\n"
    )
