"""The benchmark's machinery on a tiny package: children run, every column is filled, targets are judged.

No timing is asserted here: the speed targets live in the benchmark itself (`make bench`).
"""

import pytest

from scripts.tools import bench
from tests.conftest import fixture_package


@pytest.fixture(scope="module")
def small_row(tmp_path_factory) -> bench.Row:
    base = tmp_path_factory.mktemp("bench")
    package = fixture_package("small", base / "package")
    return bench.measure_package("small", package, base / "run", repeat=1)


def test_measurements_of_a_small_package(small_row):
    row = small_row
    assert set(row.stages) == set(bench.STAGES)
    assert row.pages > 5  # the hand-written pages and the generated ones
    assert row.cold > sum(row.stages.values())  # the wall time includes starting the interpreter
    assert row.bare_mkdocs > 0 and row.warm > 0 and row.rebuild > 0
    assert row.max_rss > 50 * bench.MB
    assert row.rebuild_drawn == 1  # the edited indicator's chart, nothing else
    assert len(row.details["serve"]["rebuilds"]) == 1


def test_table_has_every_column_and_a_row_per_package(small_row):
    other = bench.Row(**{**small_row.__dict__, "label": "other"})
    lines = bench.table([small_row, other]).splitlines()
    assert [c.strip() for c in lines[0].strip("|").split("|")] == bench.COLUMNS
    assert len(lines) == 4
    for line in lines[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        assert len(cells) == len(bench.COLUMNS) and all(cells)
    assert [line.split("|")[1].strip() for line in lines[2:]] == ["small", "other"]


def test_edit_changes_one_value_of_the_last_observation(tmp_path):
    package = fixture_package("small", tmp_path / "package")
    path = package.parent / "data" / "observations.csv"
    before = path.read_text(encoding="utf-8").splitlines()
    assert bench.edit_observation(package, 1) == "robots 2022-H1: 300 -> 301"
    assert bench.edit_observation(package, 2) == "robots 2022-H1: 301 -> 303"
    after = path.read_text(encoding="utf-8").splitlines()
    assert after[:-1] == before[:-1]
    assert after[-1] == before[-1].replace(",300,", ",303,", 1)


def test_edit_keeps_the_decimals():
    assert bench.bump("46.8", 1) == "46.9"
    assert bench.bump("0.05", 2) == "0.07"
    assert bench.bump("898", 3) == "901"


def _row(label, **numbers) -> bench.Row:
    return bench.Row(label=label, **numbers)


def test_targets_are_judged_from_the_rows():
    gb = 1024 * bench.MB
    rows = [
        _row("真实数据包", cold=9.0, rebuild=6.0),
        _row("虚构 1×", cold=10.0),
        _row("虚构 10×", cold=130.0, bare_mkdocs=20.0, warm=29.0, max_rss=gb, tree_rss=2 * gb),
    ]
    assert [line.split()[0] for line in bench.verdicts(rows)] == ["PASS", "FAIL", "FAIL", "FAIL", "FAIL", "FAIL", "PASS"]
    only_shipped = bench.verdicts(rows[:1])
    assert [line.split()[0] for line in only_shipped] == ["PASS", "FAIL", "n/a", "n/a", "n/a", "n/a", "n/a"]
