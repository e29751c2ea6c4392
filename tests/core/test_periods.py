"""scripts.core.periods: every period form the package writes, its months, end date and Chinese label."""

import datetime

import pytest

from scripts.core.periods import parse_period


@pytest.mark.parametrize(
    "text, first, last, end, label, full_year",
    [
        ("2023", 1, 12, datetime.date(2023, 12, 31), "2023年", True),
        ("2022-Q1", 1, 3, datetime.date(2022, 3, 31), "2022年第一季度", False),
        ("2022-Q4", 10, 12, datetime.date(2022, 12, 31), "2022年第四季度", False),
        ("2023-H1", 1, 6, datetime.date(2023, 6, 30), "2023年上半年", False),
        ("2023-H2", 7, 12, datetime.date(2023, 12, 31), "2023年下半年", False),
        ("2023-01..10", 1, 10, datetime.date(2023, 10, 31), "2023年1—10月", False),
        ("2024-02..02", 2, 2, datetime.date(2024, 2, 29), "2024年2月", False),
        ("2023-01..12", 1, 12, datetime.date(2023, 12, 31), "2023年1—12月", False),
    ],
)
def test_forms(text, first, last, end, label, full_year):
    period = parse_period(text)
    assert (period.first_month, period.last_month, period.end, period.label, period.full_year) == (
        first, last, end, label, full_year)


@pytest.mark.parametrize("text", ["2023-Q5", "2023-H3", "2023-10..01", "23", "2023-1..10", "２０２３", "2023 ", "", None])
def test_refused(text):
    with pytest.raises(ValueError):
        parse_period(text)


def test_order_puts_a_quarter_before_its_year():
    assert sorted([parse_period("2023"), parse_period("2022"), parse_period("2023-Q1")], key=lambda p: (p.end, p.first_month)) == [
        parse_period("2022"), parse_period("2023-Q1"), parse_period("2023")]
