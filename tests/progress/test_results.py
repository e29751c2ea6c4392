"""scripts.progress.results: what the progress stage hands down besides the status (each figure's measure, the
status counts). Tiny fictional packages in memory (base year 2020, plan 2021-2023); expected values by hand."""

import datetime
from pathlib import Path

import pytest

from scripts.core.package import Package
from scripts.progress.results import compute_progress

PLAN = {"base_year": 2020, "start_year": 2021, "end_year": 2023}
RUNNING = datetime.date(2023, 6, 30)
ENDED = datetime.date(2024, 6, 30)


def obs(period, value, area="quzhou", indicator="x"):
    return {"indicator_id": indicator, "area_id": area, "period": period, "value": float(value), "status": "final"}


def results_of(kind, targets, observations, *, direction="increase", unit="家", today=RUNNING):
    indicator = {"id": "x", "name": "虚构指标", "unit": unit, "direction": direction, "target_kind": kind, "order": 1}
    target_rows = [{"indicator_id": "x", "year": y, "comparator": c, "value": float(v)} for y, c, v in targets]
    package = Package(path=Path("tiny/datapackage.json"), descriptor={"name": "tiny", "plan": PLAN},
                      tables={"indicators": [indicator], "targets": target_rows, "observations": observations})
    return compute_progress(package, today)


def drawn(result, area="quzhou"):
    return [(m.figure.period.text, round(m.value, 6), m.joined) for m in result.measured.get(area, [])]


# ---- each figure's measure ----------------------------------------------------------------------------------------


def test_a_total_runs_on_over_unbroken_years_and_a_part_year_figure_adds_to_the_years_before():
    r = results_of("cumulative", [(2023, ">=", 400)],
                   [obs("2020", 999), obs("2021", 120), obs("2022", 80), obs("2023-01..06", 50)])["x"]
    # 2020 is before the plan: not part of the total. 2021: 120; 2022: 120 + 80 = 200; 2023 H1: 200 + 50 = 250.
    assert drawn(r) == [("2021", 120.0, True), ("2022", 200.0, True), ("2023-01..06", 250.0, True)]


def test_a_total_with_a_missing_middle_year_stops_the_run_and_draws_the_later_year_alone():
    r = results_of("cumulative", [(2023, ">=", 400)], [obs("2021", 120), obs("2023", 90), obs("2023-01..06", 40)],
                   today=ENDED)["x"]
    # 2022 is missing: the run is 2021 alone (120). 2023 cannot be added to it: drawn at its own 90, not joined;
    # the 2023 half year needs 2022 as well: drawn at its own 40, not joined.
    assert drawn(r) == [("2021", 120.0, True), ("2023-01..06", 40.0, False), ("2023", 90.0, False)]
    # The status reads the same run: 2021 only, a total of 120 against 400.
    assert (r.counted_years, r.measure) == ([2021], 120.0)
    assert r.verdicts[0].outcome == "unknown"


def test_a_compound_fall_is_drawn_as_the_fall_so_far_and_the_verdict_reads_the_same_number():
    r = results_of("reduction", [(2022, ">=", 4), (2023, ">=", 10)],
                   [obs("2021", 2.0), obs("2022", 2.5), obs("2023-01..03", 1.0)], direction="decrease", unit="%")["x"]
    # 2021: 2%; 2022: 1 - 0.98 * 0.975 = 1 - 0.9555 = 4.45%; 2023 Q1: 1 - 0.9555 * 0.99 = 1 - 0.945945 = 5.4055%.
    assert drawn(r) == [("2021", 2.0, True), ("2022", 4.45, True), ("2023-01..03", 5.4055, True)]
    assert r.verdicts[0].measure == pytest.approx(4.45)
    assert r.verdicts[0].outcome == "met"


def test_a_kind_that_does_not_run_on_draws_each_figure_as_published():
    r = results_of("level", [(2023, ">=", 130)], [obs("2020", 100), obs("2022", 112), obs("2022", 7, area="east")])["x"]
    assert drawn(r) == [("2020", 100.0, True), ("2022", 112.0, True)]
    assert drawn(r, "east") == [("2022", 7.0, True)]


# ---- the status counts ----------------------------------------------------------------------------------------------


def four_indicators(today):
    def indicator(id_, kind, order):
        return {"id": id_, "name": f"虚构{id_}", "unit": "家", "direction": "increase", "target_kind": kind, "order": order}
    indicators = [indicator("paced", "level", 1), indicator("none", "level", 2), indicator("part", "level", 3),
                  indicator("total", "cumulative", 4)]
    targets = [{"indicator_id": i["id"], "year": 2023, "comparator": ">=", "value": 130.0} for i in indicators]
    observations = [obs("2020", 100, indicator="paced"), obs("2022", 120, indicator="paced"),
                    obs("2023-01..03", 5, indicator="part"), obs("2021", 90, indicator="total"), obs("2022", 50, indicator="total")]
    package = Package(path=Path("tiny/datapackage.json"), descriptor={"name": "tiny", "plan": PLAN},
                      tables={"indicators": indicators, "targets": targets, "observations": observations})
    return compute_progress(package, today)


def test_status_counts_list_every_reader_status_of_a_running_plan_in_order():
    results = four_indicators(RUNNING)
    # paced: (120 - 100) / (130 - 100) = 2/3 of the way after 2/3 of the time: on track. none: no figure at all.
    # part: a first quarter only. total: 90 + 50 = 140 >= 130 before 2023: achieved early.
    counts = results.count_statuses(["paced", "none", "part", "total"])
    assert counts == {"achieved": 1, "on_track": 1, "behind": 0, "off_track": 0, "not_achieved": 0,
                      "interim_only": 1, "undecided": 0, "no_figure": 1}
    assert list(counts) == ["achieved", "on_track", "behind", "off_track", "not_achieved", "interim_only", "undecided", "no_figure"]
    assert results.count_statuses(["paced", "total"]) == {"achieved": 1, "on_track": 1, "behind": 0, "off_track": 0,
                                                          "not_achieved": 0, "interim_only": 0, "undecided": 0, "no_figure": 0}
    assert results.count_statuses([]) == dict.fromkeys(counts, 0)


def test_status_counts_of_an_ended_plan_are_the_report_cards():
    results = four_indicators(ENDED)
    # Only the total is decided (achieved); the others lack a 2023 city full-year figure: cannot be judged.
    assert results.count_statuses(["paced", "none", "part", "total"]) == {"achieved": 1, "not_achieved": 0, "cannot_judge": 3}
    with pytest.raises(KeyError):
        results.count_statuses(["unknown"])


# ---- the build's day ------------------------------------------------------------------------------------------------


def test_the_day_the_data_speaks_for_is_the_versions_date_or_else_the_builds_day():
    def package(descriptor):
        return Package(path=Path("tiny/datapackage.json"), descriptor={"name": "tiny", "plan": PLAN, **descriptor},
                       tables={"indicators": [], "targets": [], "observations": []})

    dated = compute_progress(package({"created": "2024-05-01T00:00:00Z"}), RUNNING)
    assert (dated.today, dated.as_of, dated.ended) == (datetime.date(2023, 6, 30), datetime.date(2024, 5, 1), False)
    undated = compute_progress(package({}), ENDED)
    assert (undated.today, undated.as_of, undated.ended) == (datetime.date(2024, 6, 30), datetime.date(2024, 6, 30), True)
