"""scripts.core.words: a target amount reads as the plan's fraction where the plan wrote one; numbers never
print inf, nan or float noise."""

import pytest

from scripts.core.words import amount, number


@pytest.mark.parametrize("value, unit, text", [
    (33.3333333333, "%", "三分之一（约33.33%）"),
    (66.6666666667, "%", "三分之二（约66.67%）"),
    (33.33, "%", "33.33%"),
    (50.0, "%", "50%"),
    (33.3333333333, "家", "33.33家"),  # only a percentage is a fraction of the whole
    (500, "台", "500台"),
])
def test_amount(value, unit, text):
    assert amount(value, unit) == text


@pytest.mark.parametrize("value, text", [
    (float("inf"), "—"), (float("-inf"), "—"), (float("nan"), "—"),
    (1e300, "1" + "0" * 300),  # not 1000000000000000052504760255204420248704468581108159154915854115111802457988…
    (1.5e16, "15000000000000000"),
    (999999999999999.0, "999999999999999"),
    (0.1 + 0.2, "0.3"),
    (-0.001, "0"),
])
def test_a_number_is_never_infinite_nan_or_noise(value, text):
    assert number(value) == text
