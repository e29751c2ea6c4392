"""The synthetic package generator: valid, reproducible, sized by scale, designed statuses, hostile text."""

import csv
import json
import math
from pathlib import Path

import frictionless
import pytest

from scripts.tools.synthetic import HOSTILE, intended_statuses, main, write_synthetic_package
from tests.conftest import ROOT

# areas: the city and 8, plus one per extra block. units: 23 departments and 1 other body per block, one
# government or management committee per area. task_units per block: 29 leads, 57 supports, 3 others on
# the organisation tasks, 8 responsible bodies on each task. targets: one per indicator, two more for each
# of the 8 annual indicators a block, one more for every other round of achieved levels. task_reports:
# 10 tasks a block, 2022 for each, 2023-H1 for 5, 2023 for 4, and one from a supporting unit.
COUNTS_SCALE_1 = {
    "areas": 9, "units": 32, "tasks": 29, "task_units": 321, "indicators": 60, "targets": 78,
    "observations": 283, "task_reports": 20,
}
COUNTS_SCALE_2 = {
    "areas": 10, "units": 57, "tasks": 58, "task_units": 642, "indicators": 120, "targets": 155,
    "observations": 534, "task_reports": 40,
}
KINDS = {"level", "cumulative", "annual", "average_growth", "reduction", "share", "milestone"}
STATUSES = {"achieved", "not_achieved", "on_track", "behind", "off_track", "no_data"}


@pytest.fixture(scope="module")
def scale_one(tmp_path_factory) -> Path:
    return write_synthetic_package(tmp_path_factory.mktemp("scale1"), scale=1, seed=0)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    return write_synthetic_package(tmp_path_factory.mktemp("hostile"), scale=1, seed=0, hostile=True)


def read(descriptor: Path, name: str) -> list[dict]:
    with open(descriptor.parent / "data" / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def errors(descriptor: Path) -> list:
    report = frictionless.validate(str(descriptor))
    return report.flatten(["resourceName", "rowNumber", "fieldName", "type"])


def test_scale_one_is_valid(scale_one):
    assert errors(scale_one) == []


def test_hostile_is_valid(hostile):
    assert errors(hostile) == []


def test_hostile_text_is_in_every_free_text_column(hostile):
    tasks = read(hostile, "tasks")
    for snippet in HOSTILE:
        assert snippet in tasks[0]["text"]
        assert snippet in read(hostile, "observations")[0]["source"]
    for name, column in [("areas", "name"), ("units", "full_name"), ("tasks", "group"), ("tasks", "number"),
                         ("indicators", "name"), ("indicators", "unit"), ("indicators", "note"),
                         ("indicators", "clause"), ("targets", "note"), ("task_reports", "summary")]:
        cells = [row[column] for row in read(hostile, name)]
        assert all(any(snippet in cell for snippet in HOSTILE) for cell in cells), (name, column)


def test_same_seed_same_bytes(tmp_path):
    first = write_synthetic_package(tmp_path / "a", scale=2, seed=7).parent
    second = write_synthetic_package(tmp_path / "b", scale=2, seed=7).parent
    other = write_synthetic_package(tmp_path / "c", scale=2, seed=8).parent
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert len(files) == 13  # the descriptor and twelve tables
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)
    assert (first / "data/observations.csv").read_bytes() != (other / "data/observations.csv").read_bytes()


def test_row_counts_grow_with_scale(scale_one, tmp_path):
    scale_two = write_synthetic_package(tmp_path, scale=2, seed=0)
    assert {name: len(read(scale_one, name)) for name in COUNTS_SCALE_1} == COUNTS_SCALE_1
    assert {name: len(read(scale_two, name)) for name in COUNTS_SCALE_2} == COUNTS_SCALE_2


def test_descriptor_is_a_demo_copy_of_the_schema(scale_one):
    descriptor = json.loads(scale_one.read_text(encoding="utf-8"))
    shipped = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["demo"] is True
    assert "示例数据（虚构）" in descriptor["title"]
    assert descriptor["plan"] == shipped["plan"]
    assert [r["schema"] for r in descriptor["resources"]] == [r["schema"] for r in shipped["resources"]]


def test_every_kind_status_and_direction_is_present(scale_one):
    indicators = read(scale_one, "indicators")
    assert {row["target_kind"] for row in indicators} == KINDS
    assert {row["direction"] for row in indicators} == {"increase", "decrease"}
    assert set(intended_statuses(1).values()) == STATUSES
    assert list(intended_statuses(1)) == [row["id"] for row in indicators]
    sources = {row["source"] for row in read(scale_one, "observations")}
    assert sources == {"示例来源（虚构）"}


def test_intended_statuses_at_scale_one():
    statuses = intended_statuses(1)
    assert [statuses[f"level-{n}"] for n in range(1, 7)] == [
        "achieved", "not_achieved", "on_track", "behind", "off_track", "no_data"]
    assert [statuses[f"annual-{n}"] for n in range(1, 5)] == ["achieved", "not_achieved", "on_track", "no_data"]
    assert [statuses[f"milestone-{n}"] for n in range(1, 4)] == ["achieved", "not_achieved", "no_data"]
    assert sorted(statuses.values()).count("no_data") == 11  # annual-4 and annual-8 among them (a 4-status cycle)


def test_a_ranking_of_areas_exists(scale_one):
    areas_by_indicator = {}
    for row in read(scale_one, "observations"):
        if row["area_id"] != "quzhou":
            areas_by_indicator.setdefault(row["indicator_id"], set()).add(row["area_id"])
    assert len(areas_by_indicator) == 4
    assert all(len(areas) == 8 for areas in areas_by_indicator.values())


def test_cli_writes_a_package(tmp_path, capsys):
    assert main(["--scale", "1", "--out", str(tmp_path), "--seed", "3"]) == 0
    assert (tmp_path / "datapackage.json").exists()
    assert "observations" in capsys.readouterr().out


def test_progress_module_agrees_with_the_design(scale_one):
    from scripts.core.package import read_package
    from scripts.progress.results import compute_progress

    results = compute_progress(read_package(scale_one))
    assert {i: results[i].status for i in intended_statuses(1)} == intended_statuses(1)


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_city_series_land_on_their_intended_status(tmp_path, seed):
    """An independent reading of the method, under its plausible variants, gives the intended status."""
    descriptor = write_synthetic_package(tmp_path, scale=2, seed=seed)
    targets = {}
    for row in read(descriptor, "targets"):
        targets.setdefault(row["indicator_id"], {})[int(row["year"])] = float(row["value"])
    finals = {}
    for row in read(descriptor, "observations"):
        if row["area_id"] == "quzhou" and row["period"].isdigit() and row["status"] == "final":
            finals.setdefault(row["indicator_id"], {})[int(row["period"])] = float(row["value"])
    indicators = {row["id"]: row for row in read(descriptor, "indicators")}
    for indicator_id, intended in intended_statuses(2).items():
        row = indicators[indicator_id]
        readings = method_readings(row["target_kind"], row["direction"], targets[indicator_id],
                                   finals.get(indicator_id, {}))
        assert readings == {intended}, (indicator_id, readings)


def method_readings(kind, direction, targets, values, base=2020, end=2023):
    """The statuses the method gives, for each reading of it that a progress module might take."""
    after = {y: v for y, v in values.items() if y > base}
    if not after:
        return {"no_data"}
    now, target = max(after), targets[end]
    n = now - base
    series = [after[y] for y in sorted(after)]
    if kind == "level":
        b, v = values[base], after[now]
        met = v <= target if direction == "decrease" else v >= target
        ratios = [((v - b) / (target - b)) / (n / (end - base))]
    elif kind == "cumulative":
        met, ratios = sum(series) >= target, [sum(series) / (target * n / 3)]
    elif kind == "annual":
        hits = [after[y] >= targets[y] for y in after]
        met = all(hits)
        ratios = [sum(hits) / len(hits), after[now] / targets[now]]
    elif kind == "average_growth":
        growth = math.prod(1 + g / 100 for g in series)
        met, ratios = growth >= (1 + target / 100) ** 3, [(growth - 1) / ((1 + target / 100) ** n - 1)]
    elif kind == "reduction":
        decrease = 1 - math.prod(1 - d / 100 for d in series)
        met = decrease >= target / 100
        ratios = [decrease / (target / 100 * n / 3), decrease / (1 - (1 - target / 100) ** (n / 3))]
    elif kind == "share":
        met, ratios = after[now] >= target, [after[now] / target]
    else:
        met, ratios = after[now] == 1, [after[now]]
    if now == end:
        return {"achieved" if met else "not_achieved"}
    if met and kind != "annual":
        return {"achieved early"}  # designed series never meet the final target before the end year
    return {"on_track" if r >= 0.95 else "behind" if r >= 0.6 else "off_track" for r in ratios}
