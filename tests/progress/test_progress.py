"""scripts.progress.method: every target kind, the status boundaries, and the files and examples built from them.

Every package here is tiny, built in memory and fictional. Expected values are worked out by hand in the
comments (base year 2020, plan 2021-2023), not computed by the code under test.
"""

import csv
from pathlib import Path

import pytest

from scripts.core.package import Package, read_package
from scripts.core.words import STATUS_LABELS
from scripts.progress.examples import worked_examples
from scripts.progress.progress_csv import PROGRESS_FIELDS, write_progress_csv
from scripts.progress.results import compute_progress

PLAN = {"base_year": 2020, "start_year": 2021, "end_year": 2023}


def tiny_package(indicators: list[dict], targets: list[dict], observations: list[dict]) -> Package:
    return Package(
        path=Path("tiny/datapackage.json"),
        descriptor={"name": "tiny", "plan": PLAN},
        tables={"indicators": indicators, "targets": targets, "observations": observations},
    )


def assess(kind, targets, figures, *, direction="increase", unit="家", extra=()):
    """The result for one fictional indicator.

    targets: [(year, comparator, value)]; figures: {period: value} for the city, final figures;
    extra: further observation rows (other areas, provisional figures).
    """
    indicator = {"id": "x", "name": "虚构指标", "unit": unit, "direction": direction, "target_kind": kind, "order": 1}
    target_rows = [{"indicator_id": "x", "year": y, "comparator": c, "value": float(v)} for y, c, v in targets]
    rows = [{"indicator_id": "x", "area_id": "quzhou", "period": p, "value": float(v), "status": "final"} for p, v in figures.items()]
    return compute_progress(tiny_package([indicator], target_rows, rows + list(extra)))["x"]


def obs(period, value, area="quzhou", status="final"):
    return {"indicator_id": "x", "area_id": area, "period": period, "value": float(value), "status": status}


# ---- level ---------------------------------------------------------------------------------------------------

LEVEL = [(2023, ">=", 130)]


@pytest.mark.parametrize(
    "value_2022, status, ratio",
    [
        # achieved share = (v - 100) / (130 - 100); expected share = (2022 - 2020) / (2023 - 2020) = 2/3
        (120, "on_track", 1.0),  # (20/30) / (2/3) = 1
        (119, "on_track", 0.95),  # (19/30) / (2/3) = 0.95 exactly: the boundary belongs to on_track
        (118, "behind", 0.9),  # (18/30) / (2/3) = 0.9
        (112, "behind", 0.6),  # (12/30) / (2/3) = 0.6 exactly: the boundary belongs to behind
        (111, "off_track", 0.55),  # (11/30) / (2/3) = 0.55
        (95, "off_track", -0.25),  # (-5/30) / (2/3) = -0.25: moving away from the target
    ],
)
def test_level_pace_and_boundaries(value_2022, status, ratio):
    r = assess("level", LEVEL, {"2020": 100, "2022": value_2022}, unit="万元")
    assert (r.status, r.pace_ratio) == (status, ratio)
    assert r.status_label == STATUS_LABELS[status]
    assert r.baseline_value == 100
    assert (r.target_year, r.target_value, r.comparator) == (2023, 130, ">=")
    assert (r.latest_period, r.latest_value, r.measure) == ("2022", value_2022, value_2022)
    assert r.expected_by_now == pytest.approx(120)  # 100 + 30 * 2/3
    assert r.gap == pytest.approx(130 - value_2022)
    assert r.expected_share == pytest.approx(2 / 3)


def test_level_note_states_the_numbers():
    r = assess("level", LEVEL, {"2020": 100, "2022": 112}, unit="万元")
    assert r.note == "2022年为112万元，按进度应达120万元（2020年基期100万元，目标是2023年不低于130万元）。"


def test_level_final_year_decides():
    assert assess("level", LEVEL, {"2020": 100, "2022": 110, "2023": 131}).status == "achieved"
    missed = assess("level", LEVEL, {"2020": 100, "2022": 125, "2023": 129})
    assert missed.status == "not_achieved"
    assert missed.gap == pytest.approx(1)  # 130 - 129
    assert missed.note == "2023年为129家，目标是2023年不低于130家，未达到。"


def test_past_the_target_means_exactly_the_target_is_not_enough():
    """The plan's 突破1.7% (comparator >): 1.7 exactly is not past it, 1.71 is; 达到 (>=) is met by exactly the target."""
    past = [(2023, ">", 1.7)]
    exact = assess("level", past, {"2020": 1.4, "2023": 1.7}, unit="%")
    assert (exact.status, exact.note) == ("not_achieved", "2023年为1.7%，目标是2023年超过1.7%，未达到。")
    assert [v.text for v in exact.verdicts] == ["目标2023年超过1.7%：2023年为1.7%，未达到"]
    assert assess("level", past, {"2020": 1.4, "2023": 1.71}, unit="%").status == "achieved"
    assert assess("level", [(2023, ">=", 1.7)], {"2020": 1.4, "2023": 1.7}, unit="%").status == "achieved"


def test_level_over_the_target_before_its_year_is_not_yet_achieved():
    # A level can fall again: 131 in 2022 is judged against the pace, not as reached early.
    # achieved share (131 - 100) / 30 = 31/30; expected 2/3; R = 1.55
    r = assess("level", LEVEL, {"2020": 100, "2022": 131})
    assert (r.status, r.pace_ratio) == ("on_track", 1.55)
    assert r.gap == pytest.approx(-1)  # 130 - 131: one beyond the target
    assert "提前" not in r.note


def test_level_direction_decrease():
    # 100 down to at most 70: achieved share (85 - 100) / (70 - 100) = 0.5; expected 2/3; R = 0.75
    target = [(2023, "<=", 70)]
    r = assess("level", target, {"2020": 100, "2021": 90, "2022": 85}, direction="decrease")
    assert (r.status, r.pace_ratio) == ("behind", 0.75)
    assert r.expected_by_now == pytest.approx(80)  # 100 - 30 * 2/3
    assert r.gap == pytest.approx(15)  # 85 - 70 still to fall
    # rising instead of falling: (110 - 100) / (70 - 100) = -1/3; R = -0.5
    assert assess("level", target, {"2020": 100, "2022": 110}, direction="decrease").pace_ratio == -0.5
    assert assess("level", target, {"2020": 100, "2023": 68}, direction="decrease").status == "achieved"
    assert assess("level", target, {"2020": 100, "2023": 72}, direction="decrease").status == "not_achieved"


def test_level_without_baseline_is_no_data_until_the_target_is_met():
    r = assess("level", [(2023, ">=", 21)], {"2022": 15})
    assert r.status == "no_data"
    assert r.pace_ratio is None and r.baseline_value is None
    assert (r.latest_period, r.latest_value) == ("2022", 15)
    assert r.note == "缺少2020年基期数字，无法计算进度；2022年为15家，目标是2023年不低于21家。"
    # comparing a figure with its target needs no baseline
    assert assess("level", [(2023, ">=", 21)], {"2023": 22}).status == "achieved"
    assert assess("level", [(2023, ">=", 21)], {"2023": 20}).status == "not_achieved"


def test_level_with_two_targets_uses_the_next_one():
    targets = [(2021, ">=", 6000), (2023, ">=", 7000)]
    # 2021 is judged against the 2021 target: achieved (5800 - 5000) / (6000 - 5000) = 0.8; expected 1/1; R = 0.8
    r = assess("level", targets, {"2020": 5000, "2021": 5800}, unit="万美元")
    assert (r.status, r.pace_ratio, r.target_year, r.target_value) == ("behind", 0.8, 2021, 6000)
    # 2022 is past 2021, so the 2023 target: (6200 - 5000) / (7000 - 5000) = 0.6; expected 2/3; R = 0.9
    r = assess("level", targets, {"2020": 5000, "2021": 5800, "2022": 6200}, unit="万美元")
    assert (r.status, r.pace_ratio, r.target_year, r.target_value) == ("behind", 0.9, 2023, 7000)
    assert r.expected_by_now == pytest.approx(5000 + 2000 * 2 / 3)
    # 2023 is the final target year: 7100 >= 7000
    assert assess("level", targets, {"2020": 5000, "2021": 5800, "2023": 7100}).status == "achieved"


# ---- cumulative ----------------------------------------------------------------------------------------------


def test_cumulative_sum_of_yearly_additions():
    # total 120 + 80 = 200; expected by 2022: 1200 * 2 / 3 = 800; R = 200 / 800 = 0.25
    r = assess("cumulative", [(2023, ">=", 1200)], {"2021": 120, "2022": 80})
    assert (r.status, r.pace_ratio) == ("off_track", 0.25)
    assert (r.measure, r.expected_by_now, r.gap) == (200, 800, 1000)
    assert (r.latest_period, r.latest_value) == ("2022", 80)
    assert r.achieved_share == pytest.approx(200 / 1200)
    assert r.note == "截至2022年累计200家，按进度应达800家（目标是2021—2023年累计不低于1200家）。"


@pytest.mark.parametrize(
    "first, second, status",
    [
        (400, 360, "on_track"),  # 760 / 800 = 0.95
        (300, 180, "behind"),  # 480 / 800 = 0.6
        (300, 179, "off_track"),  # 479 / 800 = 0.59875
    ],
)
def test_cumulative_boundaries(first, second, status):
    assert assess("cumulative", [(2023, ">=", 1200)], {"2021": first, "2022": second}).status == status


def test_cumulative_final_year_and_early():
    target = [(2023, ">=", 1200)]
    assert assess("cumulative", target, {"2021": 400, "2022": 400, "2023": 450}).status == "achieved"  # 1250
    assert assess("cumulative", target, {"2021": 400, "2022": 400, "2023": 300}).status == "not_achieved"  # 1100
    early = assess("cumulative", target, {"2021": 700, "2022": 600})  # 1300 >= 1200 a year early
    assert early.status == "achieved"
    assert early.note == "2021—2022年累计1300家，目标是2021—2023年累计不低于1200家，已提前达到。"


def test_cumulative_missing_year_breaks_the_chain():
    # 2022 is missing: "now" is 2021; 300 / (1200 * 1/3 = 400) = 0.75; 2023 is shown but not counted
    r = assess("cumulative", [(2023, ">=", 1200)], {"2021": 300, "2023": 500})
    assert (r.status, r.pace_ratio, r.measure) == ("behind", 0.75, 300)
    assert (r.counted_years, r.uncounted_years) == ([2021], [2023])
    assert r.note == "截至2021年累计300家，按进度应达400家（目标是2021—2023年累计不低于1200家）；2023年的数字因缺少2022年全年数字未计入进度。"


def test_cumulative_without_the_start_year_is_no_data():
    r = assess("cumulative", [(2023, ">=", 1200)], {"2022": 500, "2023": 900})
    assert r.status == "no_data"
    assert r.uncounted_years == [2022, 2023]
    assert r.note == "缺少2021年全市全年数字，无法从2021年起连续计算；已有2022年、2023年的数字，暂不计入。"


# ---- annual --------------------------------------------------------------------------------------------------

ANNUAL = [(2021, ">=", 500), (2022, ">=", 500), (2023, ">=", 500)]


def test_annual_years_met_over_years_with_data():
    assert assess("annual", ANNUAL, {"2021": 520}).pace_ratio == 1.0  # 1 of 1
    r = assess("annual", ANNUAL, {"2021": 520, "2022": 480}, unit="台")  # 1 of 2 = 0.5
    # 2022 missed: a target that must hold every year can no longer be met, before 2023 is even over.
    assert (r.status, r.pace_ratio) == ("not_achieved", 0.5)
    assert (r.target_year, r.target_value, r.gap) == (2022, 500, 20)
    assert r.note == "2021—2022年中，2022年未达到当年目标（目标是2021—2023年每年不低于500台）。"


def test_annual_final_year_needs_every_year():
    assert assess("annual", ANNUAL, {"2021": 520, "2022": 510, "2023": 505}).status == "achieved"
    missed = assess("annual", ANNUAL, {"2021": 520, "2022": 480, "2023": 505}, unit="台")
    assert missed.status == "not_achieved"
    assert missed.note == "2021—2023年中，2022年未达到当年目标（目标是2021—2023年每年不低于500台）。"
    # every year that has a figure is met, but 2022 has none: missing is not missed, it cannot be judged
    gap = assess("annual", ANNUAL, {"2021": 520, "2023": 505}, unit="台")
    assert gap.status == "no_data"
    assert gap.missing_years == [2022]
    assert gap.note == ("有全年数字的2021年、2023年都达到当年目标，2022年缺少全年数字，无法判断是否每年都达到"
                        "（目标是2021—2023年每年不低于500台）。")
    # a missed year stays missed, whatever is missing besides
    assert assess("annual", ANNUAL, {"2021": 480, "2023": 505}).status == "not_achieved"


# ---- average growth ------------------------------------------------------------------------------------------


def test_average_growth_compounds_yearly_rates():
    # 20% then 8%: growth so far 1.2 * 1.08 - 1 = 0.296; expected (1.15)^2 - 1 = 0.3225
    # R = 0.296 / 0.3225 = 0.917829...; average so far sqrt(1.296) - 1 = 0.138420 -> 13.842%
    r = assess("average_growth", [(2023, ">=", 15)], {"2021": 20, "2022": 8}, unit="%")
    assert (r.status, r.pace_ratio) == ("behind", 0.917829)
    assert r.measure == pytest.approx(13.841996, abs=1e-6)
    assert r.expected_by_now == 15
    assert r.gap == pytest.approx(15 - 13.841996, abs=1e-6)
    # achieved share 0.296 / (1.15^3 - 1 = 0.520875) = 0.568274; expected share 0.3225 / 0.520875 = 0.619151
    assert r.achieved_share == pytest.approx(0.568274, abs=1e-6)
    assert r.expected_share == pytest.approx(0.619151, abs=1e-6)
    assert r.note == "2021—2022年年均增长13.84%，目标是2021—2023年年均增长不低于15%（累计增长29.6%，按进度应累计增长32.25%）。"


def test_average_growth_final_year_and_early():
    # 1.2 * 1.08 * 1.18 = 1.52928 >= 1.15^3 = 1.520875: the three-year average is 15.21% >= 15%
    r = assess("average_growth", [(2023, ">=", 15)], {"2021": 20, "2022": 8, "2023": 18})
    assert r.status == "achieved"
    assert r.measure == pytest.approx(15.2114, abs=1e-4)
    # 1.2 * 1.08 * 1.16 = 1.50336 < 1.520875: 14.57% < 15%
    assert assess("average_growth", [(2023, ">=", 15)], {"2021": 20, "2022": 8, "2023": 16}).status == "not_achieved"
    # 1.3 * 1.2 = 1.56 >= 1.520875 after two years, but a fall in 2023 can still undo it: not reached early.
    # R = 0.56 / (1.15^2 - 1 = 0.3225) = 1.736434
    early = assess("average_growth", [(2023, ">=", 15)], {"2021": 30, "2022": 20})
    assert (early.status, early.pace_ratio) == ("on_track", 1.736434)
    assert "提前" not in early.note


def test_average_growth_missing_year():
    # 2022 missing: only 2021 counts; R = 0.15 / (1.15 - 1) = 1
    r = assess("average_growth", [(2023, ">=", 15)], {"2021": 15, "2023": 40})
    assert (r.status, r.pace_ratio, r.counted_years, r.uncounted_years) == ("on_track", 1.0, [2021], [2023])
    assert "2023年的数字因缺少2022年全年数字未计入进度" in r.note


# ---- reduction -----------------------------------------------------------------------------------------------


def test_reduction_compounds_yearly_decreases():
    # decrease so far 1 - 0.98 * 0.975 = 0.0445; expected 1 - (1 - 0.104)^(2/3) = 1 - 0.929406 = 0.070594
    # R = 0.0445 / 0.070594 = 0.630363
    r = assess("reduction", [(2023, ">=", 10.4)], {"2021": 2.0, "2022": 2.5}, direction="decrease", unit="%")
    assert (r.status, r.pace_ratio) == ("behind", 0.630363)
    assert r.measure == pytest.approx(4.45)
    assert r.expected_by_now == pytest.approx(7.0594, abs=1e-4)
    assert r.gap == pytest.approx(10.4 - 4.45)
    assert r.note == "截至2022年比2020年累计下降4.45%，按进度应累计下降7.06%（目标是到2023年比2020年累计下降不低于10.4%）。"


@pytest.mark.parametrize(
    "decrease_2021, status, ratio",
    [(28.5, "on_track", 0.95), (18.0, "behind", 0.6), (17.9, "off_track", 0.596667)],
)
def test_reduction_boundaries(decrease_2021, status, ratio):
    # target 65.7%: 1 - 0.657 = 0.343 = 0.7^3, so the expected decrease after one year is 1 - 0.7 = 30%
    # R = 28.5 / 30 = 0.95; 18 / 30 = 0.6; 17.9 / 30 = 0.596667. In floating point the first two come out as
    # 0.9499999999999997 and 0.5999999999999999: only rounding R to 6 decimals puts them on the boundary.
    r = assess("reduction", [(2023, ">=", 65.7)], {"2021": decrease_2021}, direction="decrease", unit="%")
    assert (r.status, r.pace_ratio) == (status, ratio)


def test_reduction_with_two_targets():
    targets = [(2021, ">=", 15), (2022, ">=", 25)]
    # 2021 against the 2021 target: expected 15% after 1 of 1 years; R = 12 / 15 = 0.8
    r = assess("reduction", targets, {"2021": 12}, direction="decrease", unit="%")
    assert (r.status, r.pace_ratio, r.target_year) == ("behind", 0.8, 2021)
    # 2022 is the final target year: 1 - 0.88 * 0.88 = 22.56% < 25%
    assert assess("reduction", targets, {"2021": 12, "2022": 12}, direction="decrease").status == "not_achieved"
    # 1 - 0.85 * 0.88 = 25.2% >= 25%
    assert assess("reduction", targets, {"2021": 15, "2022": 12}, direction="decrease").status == "achieved"


# ---- share ---------------------------------------------------------------------------------------------------

SHARE = [(2021, ">=", 50), (2022, ">=", 50), (2023, ">=", 50)]


@pytest.mark.parametrize("value, status", [(47.5, "on_track"), (30, "behind"), (29.9, "off_track")])
def test_share_boundaries(value, status):
    # R = latest / threshold: 47.5 / 50 = 0.95; 30 / 50 = 0.6; 29.9 / 50 = 0.598
    r = assess("share", SHARE, {"2022": value}, unit="%")
    assert r.status == status
    assert r.target_year == 2022


def test_share_direction_decrease():
    # at most 20%: R = threshold / latest = 20 / 25 = 0.8
    r = assess("share", [(2023, "<=", 20)], {"2022": 25}, direction="decrease", unit="%")
    assert (r.status, r.pace_ratio, r.gap) == ("behind", 0.8, 5)
    assert assess("share", [(2023, "<=", 20)], {"2023": 19}, direction="decrease").status == "achieved"
    assert assess("share", [(2023, "<=", 20)], {"2023": 21}, direction="decrease").status == "not_achieved"


# ---- milestone -----------------------------------------------------------------------------------------------


def test_milestone():
    target = [(2023, "=", 1)]
    # not done after 1 of 3 years: achieved share 0, expected 1/3, R = 0
    r = assess("milestone", target, {"2021": 0}, unit="是/否")
    assert (r.status, r.pace_ratio) == ("off_track", 0.0)
    assert r.note == "截至2021年尚未实现，目标2023年实现。"
    assert assess("milestone", target, {"2021": 0, "2022": 1}).status == "achieved"
    assert assess("milestone", target, {"2021": 0, "2023": 0}).status == "not_achieved"
    # the verdict names the state in words, as the note does, never the 1 or 0 it is stored as
    assert [v.text for v in assess("milestone", target, {"2021": 0, "2023": 1}).verdicts] == ["目标2023年前实现：截至2023年已实现，已达到"]
    assert [v.text for v in assess("milestone", target, {"2021": 0, "2023": 0}).verdicts] == ["目标2023年前实现：截至2023年未实现，未达到"]


# ---- what never decides ----------------------------------------------------------------------------------------


def test_only_partial_periods_is_no_data():
    r = assess("cumulative", [(2023, ">=", 380)], {"2022-Q1": 40, "2023-01..10": 192})
    assert r.status == "no_data"
    assert [(f.period.text, f.period.label, f.value) for f in r.interim] == [
        ("2022-Q1", "2022年第一季度", 40), ("2023-01..10", "2023年1—10月", 192)]
    assert r.note == "暂无2021年以来的全市全年数字；阶段性数字（2022年第一季度、2023年1—10月）只作展示，不决定状态。"


def test_interim_figures_do_not_change_a_status():
    plain = assess("level", LEVEL, {"2020": 100, "2022": 112})
    with_half_year = assess("level", LEVEL, {"2020": 100, "2022": 112, "2023-H1": 140})
    assert (with_half_year.status, with_half_year.pace_ratio) == (plain.status, plain.pace_ratio) == ("behind", 0.6)
    assert [f.period.text for f in with_half_year.interim] == ["2023-H1"]


def test_other_areas_do_not_decide():
    r = assess("level", LEVEL, {}, extra=[obs("2020", 100, area="kecheng"), obs("2023", 200, area="kecheng")])
    assert r.status == "no_data"
    assert "分区域数字不决定状态" in r.note
    r = assess("level", LEVEL, {"2020": 100, "2022": 120}, extra=[obs("2022", 50, area="kecheng")])
    assert (r.status, r.latest_value) == ("on_track", 120)


def test_a_final_figure_replaces_a_provisional_one():
    # provisional 2022 = 111 would give R = 0.55; final 2022 = 120 gives R = 1
    r = assess("level", LEVEL, {"2020": 100, "2022": 120}, extra=[obs("2022", 111, status="provisional")])
    assert (r.status, r.latest_value) == ("on_track", 120)
    provisional_only = assess("level", LEVEL, {"2020": 100}, extra=[obs("2022", 111, status="provisional")])
    assert provisional_only.status == "off_track"
    assert provisional_only.note.startswith("2022年（初步数）为111家")


def test_years_after_the_final_target_year_do_not_decide():
    r = assess("share", [(2023, ">=", 50)], {"2023": 40, "2024": 60}, unit="%")
    assert (r.status, r.latest_period, r.uncounted_years) == ("not_achieved", "2023", [2024])
    assert "2024年的数字在最终目标年份之后，未计入进度" in r.note


def test_only_figures_after_the_last_target_year_is_no_data():
    r = assess("share", [(2021, ">=", 50)], {"2022": 60}, unit="%")
    assert (r.status, r.uncounted_years) == ("no_data", [2022])
    assert r.note == "暂无2021年的全市全年数字；2022年的数字在最终目标年份之后，未计入进度。"


def test_no_target_is_no_data():
    assert assess("level", [], {"2020": 1, "2022": 2}).status == "no_data"


# ---- roll-ups, files, examples ---------------------------------------------------------------------------------


def test_progress_csv(tmp_path):
    indicators = [
        {"id": "a", "name": "甲", "unit": "家", "direction": "increase", "target_kind": "cumulative", "order": 1},
        {"id": "b", "name": "乙", "unit": "家", "direction": "increase", "target_kind": "level", "order": 2},
    ]
    targets = [{"indicator_id": i, "year": 2023, "comparator": ">=", "value": 1200.0} for i in ("a", "b")]
    observations = [
        {"indicator_id": "a", "area_id": "quzhou", "period": "2021", "value": 120.0, "status": "final"},
        {"indicator_id": "a", "area_id": "quzhou", "period": "2022", "value": 80.0, "status": "final"},
    ]
    path = write_progress_csv(compute_progress(tiny_package(indicators, targets, observations)), tmp_path / "progress.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel then reads the Chinese text as UTF-8
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == [name for name, _, _ in PROGRESS_FIELDS] == [
        "indicator_id", "status", "status_label", "pace_ratio", "latest_period", "latest_value", "measure",
        "expected_by_now", "target_year", "target_value", "gap", "note", "reader_status", "reader_label",
        "reader_reason", "target_verdicts"]
    # The plan (2021-2023) has ended on the day the test runs: readers get the report card's words, without the pace
    # (the method's note, with it, stays in the note column).
    note = "截至2022年累计200家，按进度应达800家（目标是2021—2023年累计不低于1200家）。"
    assert rows[1] == ["a", "off_track", "严重滞后", "0.25", "2022", "80", "200", "800", "2023", "1200", "1000", note,
                       "cannot_judge", "无法判断", "2023年全市全年数字未见公开发布；已有的全年数字：2021—2022年累计200家，不足以判断。",
                       "目标2021—2023年累计不低于1200家：缺少2023年全市全年数字，无法判断"]
    assert rows[2][:4] == ["b", "no_data", "暂无数据", ""]
    assert rows[2][-4:] == ["cannot_judge", "无法判断", "2023年全市全年数字未见公开发布；尚未收录到任何公开发布的数字。",
                            "目标2023年不低于1200家：缺少2023年全市全年数字，无法判断"]


def test_progress_fields_are_documented_in_chinese():
    for name, title, description in PROGRESS_FIELDS:
        assert title and description and not title.isascii(), name


def test_worked_examples_cover_every_kind_and_status():
    examples = worked_examples(PLAN)
    assert {e["kind"] for e in examples} == {"level", "cumulative", "annual", "average_growth", "reduction", "share", "milestone"}
    assert {e["status"] for e in examples} == set(STATUS_LABELS)
    for e in examples:
        assert e["kind_label"] and e["explanation"].endswith("。") and e["status_label"] == STATUS_LABELS[e["status"]]
    by_id = {e["id"]: e for e in examples}
    # the cumulative example is the issue's own: 120 + 80 = 200 against 1200 * 2/3 = 800
    assert by_id["example-cumulative"]["note"] == "截至2022年累计200家，按进度应达800家（目标是2021—2023年累计不低于1200家）。"
    assert "R = 200 ÷ 800 = 0.25" in by_id["example-cumulative"]["explanation"]


def test_worked_examples_follow_the_plan_years():
    shifted = worked_examples({"base_year": 2015, "start_year": 2016, "end_year": 2018})
    assert [e["status"] for e in shifted] == [e["status"] for e in worked_examples(PLAN)]
    assert "2017年" in shifted[0]["note"]


# ---- the shipped package ---------------------------------------------------------------------------------------

def test_shipped_package(shipped_package, tmp_path):
    # Rules that hold whatever figures the package holds: one result per indicator, in plan order.
    package = read_package(shipped_package)
    results = compute_progress(package)
    assert list(results) == [i["id"] for i in sorted(package.rows("indicators"), key=lambda i: i["order"])]
    start = package.plan["start_year"]
    with_full_year = {
        o["indicator_id"] for o in package.rows("observations")
        if o["area_id"] == "quzhou" and o["period"].isdigit() and int(o["period"]) >= start
    }
    for indicator_id, r in results.items():
        assert r.status in STATUS_LABELS and r.note.endswith("。"), indicator_id
        if indicator_id not in with_full_year:
            assert r.status == "no_data", indicator_id
    rows = list(csv.reader(write_progress_csv(results, tmp_path / "progress.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == len(results) + 1


def test_the_results_hand_down_the_unpublished_years_and_each_figures_revisions():
    import datetime

    indicator = {"id": "x", "name": "虚构指标", "unit": "家", "direction": "increase", "target_kind": "annual", "order": 1}
    targets = [{"indicator_id": "x", "year": y, "comparator": ">=", "value": 10.0} for y in (2021, 2022, 2023)]
    rows = [obs("2021", 12), obs("2022", 9), obs("2023-H1", 6)]
    revision = {"indicator_id": "x", "area_id": "quzhou", "period": "2022", "status": "final", "date": datetime.date(2024, 3, 1),
                "action": "withdrawn", "previous_value": None, "reason": "原报道已删除（虚构）"}
    package = Package(path=Path("tiny/datapackage.json"), descriptor={"name": "tiny", "plan": PLAN},
                      tables={"indicators": [indicator], "targets": targets, "observations": rows, "revisions": [revision]})

    during = compute_progress(package, datetime.date(2023, 6, 30))["x"]
    after = compute_progress(package, datetime.date(2026, 12, 6))["x"]

    # 2022 is withdrawn: it decides nothing and counts as not published; a year not over is not missing yet.
    assert during.unpublished_years == [2022]
    assert after.unpublished_years == [2022, 2023]
    assert after.revisions == [(revision, rows[1])]
    assert [f.period.text for f in after.figures["quzhou"]] == ["2021", "2023-H1"]


def test_milestone_not_done_before_its_year_is_not_a_missed_target_year():
    # Only a 2022 figure (not done yet) and none for 2023: whether it was done by 2023 is unknown, not missed.
    r = assess("milestone", [(2023, "=", 1)], {"2022": 0}, unit="是/否")
    assert [v.text for v in r.verdicts] == ["目标2023年前实现：缺少2023年全市全年数字，无法判断"]
    assert [v.outcome for v in r.verdicts] == ["unknown"]
    assert r.unpublished_years == [2023]
    assert (r.reader.group, r.reader.label) == ("cannot_judge", "无法判断")
    assert r.reader.reason == "2023年全市全年数字未见公开发布；已有的全年数字：截至2022年未实现，不足以判断。"


def test_milestone_done_before_its_year_is_met_by_the_year_it_was_done():
    # 某年前实现: done in 2022, no 2023 figure -- the target is met, and the verdict names the year it was done.
    r = assess("milestone", [(2023, "=", 1)], {"2021": 0, "2022": 1}, unit="是/否")
    assert [v.text for v in r.verdicts] == ["目标2023年前实现：截至2022年已实现，已达到"]
    assert r.status == "achieved"


def test_milestone_status_and_verdict_agree_once_it_was_done():
    # Done in 2021, a 2023 figure of 0: by the rule "once done, the target is met" (the method page's
    # 某年前实现), the status and the target year's verdict both say met, naming 2021.
    r = assess("milestone", [(2023, "=", 1)], {"2021": 1, "2023": 0}, unit="是/否")
    assert [v.text for v in r.verdicts] == ["目标2023年前实现：截至2021年已实现，已达到"]
    assert (r.status, r.reader.label) == ("achieved", "已达成")
    assert r.note == "2021年已实现（目标2023年实现）。"


def test_a_verdict_on_a_provisional_figure_says_so():
    # The 2023 figure is only 初步数: the dated verdict says so, as the note does.
    r = assess("level", [(2023, ">=", 22)], {"2020": 15}, unit="万元", extra=[obs("2023", 23, status="provisional")])
    assert [v.text for v in r.verdicts] == ["目标2023年不低于22万元：2023年为23万元，已达到（2023年为初步数）"]
    assert r.note == "2023年（初步数）为23万元，目标是2023年不低于22万元，已达到。"
    # a three-year total with one provisional year names that year
    r = assess("cumulative", [(2023, ">=", 300)], {"2022": 100, "2023": 100}, extra=[obs("2021", 100, status="provisional")])
    assert [v.text for v in r.verdicts] == ["目标2021—2023年累计不低于300家：2021—2023年累计300家，已达到（2021年为初步数）"]
    # a final figure replacing the provisional one: nothing to say
    r = assess("level", [(2023, ">=", 22)], {"2020": 15, "2023": 21}, unit="万元", extra=[obs("2023", 23, status="provisional")])
    assert [v.text for v in r.verdicts] == ["目标2023年不低于22万元：2023年为21万元，未达到"]


def test_a_report_card_names_the_figures_a_broken_run_leaves_out():
    # 2021 and 2023 published, 2022 not: the three-year total cannot be judged, and the reason names the 2023
    # figure too, not only the run up to 2021.
    r = assess("cumulative", [(2023, ">=", 300)], {"2021": 200, "2023": 150})
    assert (r.reader.group, r.reader.label) == ("cannot_judge", "无法判断")
    assert r.reader.reason == ("2022年全市全年数字未见公开发布；已有的全年数字：2021年累计200家，不足以判断；"
                               "另有2023年新增150家，因缺少2022年全年数字未计入。")
    r = assess("average_growth", [(2023, ">=", 15)], {"2021": 20, "2023": 20}, unit="%")
    assert r.reader.reason == ("2022年全市全年数字未见公开发布；已有的全年数字：2021年年均增长20%，不足以判断；"
                               "另有2023年增长20%，因缺少2022年全年数字未计入。")
