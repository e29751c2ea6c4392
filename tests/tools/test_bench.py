"""The benchmark's machinery on a tiny package: children run, every column is filled, targets are judged.

No timing is asserted here: the speed targets live in the benchmark itself (`make bench`).
"""

import json

import pytest

from scripts.tools import bench, benchinputs
from scripts.validate.run import validate_package
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
    assert row.floor > 0 and row.unchanged_site > 0 and row.edited_site > 0
    assert row.unchanged_kept  # make site with nothing changed kept the site
    assert "mkdocs" in row.details["edited_site_stages"]  # after the edit it built again
    assert row.cache_extra == 0  # the chart cache holds the last build's charts only


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
        _row("真实数据包", cold=9.0, floor=2.0, unchanged_site=2.4, edited_site=5.2, rebuild=1.2),
        _row("虚构 10×", cold=13.0, floor=8.0, cache_extra=0),
        _row("虚构 100×", cold=230.0, max_rss=gb, tree_rss=2 * gb),
    ]
    # shipped cold 9 s, 1.2x and 2.6x the floor, 1.2 s; 10x 1.63x the floor; 100x 230 s and 2 GB; no extra cache entry
    assert [line.split()[0] for line in bench.verdicts(rows)] == ["PASS", "PASS", "FAIL", "PASS", "FAIL", "PASS", "FAIL", "PASS"]
    only_shipped = bench.verdicts(rows[:1])
    assert [line.split()[0] for line in only_shipped] == ["PASS", "PASS", "FAIL", "PASS", "n/a", "n/a", "n/a", "n/a"]
    assert bench.verdicts(rows)[1] == "PASS  真实数据包未改动再 make site（新进程），相对地板：1.20×（目标 ≤ 1.25×）"


def test_the_floor_has_as_many_simple_pages_25_to_a_section(tmp_path):
    config = benchinputs.write_floor_site(tmp_path / "floor", 53)
    pages = sorted((tmp_path / "floor" / "docs").rglob("*.md"))
    assert len(pages) == 53
    nav = json.loads(config.read_text(encoding="utf-8"))["nav"]
    assert [len(next(iter(section.values()))) if isinstance(next(iter(section.values())), list) else 1 for section in nav] == [1, 25, 25, 2]
    page = (tmp_path / "floor" / "docs" / "section-1" / "page-7.md").read_text(encoding="utf-8")
    assert page.startswith("# 示例页面 7\n")
    assert 900 <= sum("\u4e00" <= c <= "\u9fff" for c in page) <= 1000
    assert "| 2023年 | 10 | 示例 |" in page
    assert json.loads(config.read_text(encoding="utf-8"))["plugins"] == [{"search": {"lang": "zh"}}]


def test_the_many_observations_package_repeats_rows_for_extra_areas(tmp_path):
    package = fixture_package("small", tmp_path / "small")
    before = (package.parent / "data" / "observations.csv").read_text(encoding="utf-8").splitlines()
    many = benchinputs.observation_package(package, tmp_path / "many", 3 * (len(before) - 1))
    after = (many.parent / "data" / "observations.csv").read_text(encoding="utf-8").splitlines()
    assert after[0] == before[0] and len(after) - 1 == 3 * (len(before) - 1)
    areas = (many.parent / "data" / "areas.csv").read_text(encoding="utf-8").splitlines()
    assert [line.split(",")[:3] for line in areas[-2:]] == [["qujiang-x2", "示例乙区加2", "district"], ["longyou-x2", "示例丙县加2", "county"]]
    assert validate_package(many).ok


def test_memory_a_forked_copy_shares_counts_once(tmp_path):
    """A process holding 200 MB forks a copy that only reads it: the tree holds about 200 MB, not 400 MB."""
    import os
    import signal
    import subprocess
    import sys
    from pathlib import Path

    from scripts.tools.bench.children import tree_memory

    if not Path(f"/proc/{os.getpid()}/smaps_rollup").exists():
        pytest.skip("no proportional set sizes on this system")
    script = (
        "import os, sys, time\n"
        "data = bytearray(b'x' * (200 << 20))\n"
        "if os.fork() == 0:\n"
        "    time.sleep(60)\n"
        "    os._exit(0)\n"
        "print('ready', flush=True)\n"
        "time.sleep(60)\n"
    )
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        assert process.stdout.readline() == "ready\n"
        resident = sum(int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
                       for pid in [process.pid, *map(int, Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split())])
        assert resident > 400 * bench.MB  # each process's resident set holds the 200 MB
        assert 200 * bench.MB < tree_memory(process.pid) < 300 * bench.MB
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # the copy too
        process.wait()
