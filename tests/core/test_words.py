"""scripts.core.words: a target amount reads as the plan's fraction where the plan wrote one."""

import pytest

from scripts.core.words import amount


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
