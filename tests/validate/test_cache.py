"""scripts.validate.store and the validation process: an unchanged package is not validated again, an edit re-runs only what reads it."""

import json
import shutil
import time

import pytest

from scripts.pipeline import validation
from scripts.validate import expectations, run, schemachecks, store
from scripts.validate.rules import read_rules
from scripts.validate.run import validate_cached
from scripts.validate.schemaguard import write_expectation
from tests.conftest import ROOT
from tests.helpers import edit_cell, flat
from tests.validate.shared import DEMO_REVIEW

ALL_SUITES = ["attribution", "indicator_targets", "lead_units", "period_span", "periods_and_sources", "plausible_values", "target_years",
              "unique_observations", "value_jumps"]  # revisions: no rows in the package, no run
ALL_RESOURCES = ["areas", "units", "tasks", "task_units", "indicators", "targets", "figure_sources", "related_tasks",
                 "observations", "revisions", "searches", "task_reports"]


@pytest.fixture
def suites_run(monkeypatch) -> list[str]:
    """The names of the suites Great Expectations runs, call after call."""
    names: list[str] = []
    real = expectations._run_suites

    def recording(runnable, *args):
        names.extend(data["name"] for data, *_ in runnable)
        return real(runnable, *args)

    monkeypatch.setattr(expectations, "_run_suites", recording)
    return names


@pytest.fixture
def resources_checked(monkeypatch) -> list[str]:
    """The names of the resources Frictionless checks, call after call."""
    names: list[str] = []
    real = schemachecks._resource_problems

    def recording(table, resource, descriptor):
        names.append(resource["name"])
        return real(table, resource, descriptor)

    monkeypatch.setattr(schemachecks, "_resource_problems", recording)
    return names


def test_an_unchanged_package_is_not_validated_again(shipped_copy, tmp_path, monkeypatch, suites_run):
    first = validate_cached(shipped_copy, tmp_path / "cache")
    assert first.ok and flat(first) == []
    assert sorted(suites_run) == ALL_SUITES

    def not_again(path, cache=None):
        raise AssertionError("validated again")

    monkeypatch.setattr(run, "validate_package", not_again)
    again = validate_cached(shipped_copy, tmp_path / "cache")
    assert again.ok and again.problems == [] and again.package == first.package


def test_a_cached_failure_is_reported_again_with_the_same_problems(shipped_copy, tmp_path, monkeypatch):
    edit_cell(shipped_copy, "data/observations.csv", 2, "value", "abc")
    first = validate_cached(shipped_copy, tmp_path / "cache")
    monkeypatch.setattr(run, "validate_package", lambda path, cache=None: pytest.fail("validated again"))
    again = validate_cached(shipped_copy, tmp_path / "cache")
    assert not again.ok
    assert flat(again) == flat(first) == [("data/observations.csv", 2, "value", "wrong-type")]
    assert again.problems[0].line() == first.problems[0].line()
    assert again.text() == first.text()


def test_an_edit_to_one_file_reruns_only_the_suites_that_read_it(shipped_copy, tmp_path, suites_run):
    validate_cached(shipped_copy, tmp_path / "cache")
    suites_run.clear()
    edit_cell(shipped_copy, "data/tasks.csv", 2, "title", "改过的任务标题")
    report = validate_cached(shipped_copy, tmp_path / "cache")
    assert report.ok
    assert suites_run == ["lead_units"]  # the only suite whose frame reads tasks.csv


def test_an_edit_to_one_file_rechecks_only_it(shipped_copy, tmp_path, resources_checked):
    validate_cached(shipped_copy, tmp_path / "cache")
    assert resources_checked == ALL_RESOURCES
    resources_checked.clear()
    edit_cell(shipped_copy, "data/tasks.csv", 2, "title", "改过的任务标题")
    assert validate_cached(shipped_copy, tmp_path / "cache").ok
    # the files whose keys point into tasks.csv are not read again: keys are checked on every run, outside Frictionless
    assert resources_checked == ["tasks"]


def test_a_key_into_an_edited_file_is_checked_again_while_its_own_file_is_reused(shipped_copy, tmp_path, resources_checked):
    assert validate_cached(shipped_copy, tmp_path / "cache").ok
    resources_checked.clear()
    edit_cell(shipped_copy, "data/tasks.csv", 2, "id", "action-9-9")  # was action-1-1, which task_units.csv names
    report = validate_cached(shipped_copy, tmp_path / "cache")
    assert resources_checked == ["tasks"]  # task_units.csv's own check is reused, its key into tasks.csv is not
    assert ("data/task_units.csv", 2, "task_id", "unknown-reference") in flat(report)  # the task's lead unit
    assert flat(report) == flat(run.validate_package(shipped_copy))


def test_a_resource_reused_from_the_cache_still_reports_its_problems(shipped_copy, tmp_path, resources_checked):
    edit_cell(shipped_copy, "data/observations.csv", 2, "area_id", "nowhere")
    first = validate_cached(shipped_copy, tmp_path / "cache")
    assert ("data/observations.csv", 2, "area_id", "unknown-reference") in flat(first)
    resources_checked.clear()
    edit_cell(shipped_copy, "data/tasks.csv", 2, "title", "改过的任务标题")
    report = validate_cached(shipped_copy, tmp_path / "cache")
    assert "observations" not in resources_checked
    assert ("data/observations.csv", 2, "area_id", "unknown-reference") in flat(report)
    assert flat(report) == flat(run.validate_package(shipped_copy))


def test_a_suite_reused_from_the_cache_still_reports_its_problems(shipped_copy, tmp_path, suites_run):
    edit_cell(shipped_copy, "data/targets.csv", 2, "year", "2030")
    validate_cached(shipped_copy, tmp_path / "cache")
    suites_run.clear()
    edit_cell(shipped_copy, "data/tasks.csv", 2, "title", "改过的任务标题")
    report = validate_cached(shipped_copy, tmp_path / "cache")
    assert suites_run == ["lead_units"]
    assert ("data/targets.csv", 2, "year", "year-outside-plan") in flat(report)
    assert flat(report) == flat(run.validate_package(shipped_copy))


def test_only_the_entries_of_the_last_run_are_kept(shipped_copy, tmp_path):
    folder = tmp_path / "cache"
    validate_cached(shipped_copy, folder)
    before = {p.name for p in folder.iterdir()}
    assert len(before) == 1 + len(ALL_SUITES) + len(ALL_RESOURCES)  # the report, one entry per suite and per resource
    edit_cell(shipped_copy, "data/tasks.csv", 2, "title", "改过的任务标题")
    validate_cached(shipped_copy, folder)
    after = {p.name for p in folder.iterdir()}
    assert len(after) == 1 + len(ALL_SUITES) + len(ALL_RESOURCES)
    # the old report, the old lead_units entry and the old entry of tasks
    assert len(before - after) == 3


def test_the_key_follows_every_input(shipped_copy, tmp_path, monkeypatch):
    key = store.package_key(shipped_copy)
    assert store.package_key(shipped_copy) == key
    suites = tmp_path / "suites"
    suites.mkdir()
    assert store.package_key(shipped_copy, suites) != key  # no suites: a different key
    (shipped_copy.parent / "data" / "areas.csv").write_bytes(
        (shipped_copy.parent / "data" / "areas.csv").read_bytes() + b"\n")
    edited = store.package_key(shipped_copy)
    assert edited != key
    monkeypatch.setattr(store, "code_version", lambda: "other code")
    assert store.package_key(shipped_copy) != edited


def test_the_key_follows_the_structure_expectation(shipped_copy, tmp_path):
    suites = tmp_path / "validations"
    shutil.copytree(ROOT / "validations", suites)
    key = store.package_key(shipped_copy, suites)
    expectation = suites / "schema" / "expectation.json"
    expectation.write_text(expectation.read_text(encoding="utf-8").replace('"demo": false', '"demo": true'), encoding="utf-8")
    assert store.package_key(shipped_copy, suites) != key


def test_approving_a_structure_change_is_seen_by_the_next_cached_run(shipped_copy, tmp_path, monkeypatch):
    suites = tmp_path / "validations"
    shutil.copytree(ROOT / "validations", suites)
    expectation = suites / "schema" / "expectation.json"
    monkeypatch.setattr(run, "read_rules", lambda: read_rules(suites, expectation))
    monkeypatch.setattr(run, "package_key", lambda path: store.package_key(path, suites))
    descriptor = json.loads(shipped_copy.read_text(encoding="utf-8"))
    units = next(r for r in descriptor["resources"] if r["name"] == "units")
    next(f for f in units["schema"]["fields"] if f["name"] == "full_name")["constraints"]["maxLength"] = 60
    shipped_copy.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")

    before = validate_cached(shipped_copy, tmp_path / "cache")
    assert [(p.code, p.message) for p in before.problems] == [
        ("schema-addition", "结构变更（新增），需要审核：maxLength 从 80 改成了 60。")]
    write_expectation(shipped_copy, expectation, suites)  # the maintainer approves the change
    after = validate_cached(shipped_copy, tmp_path / "cache")
    assert after.ok and after.problems == []


def test_start_validation_runs_in_a_worker_then_reuses_the_stored_report(small_package, tmp_path):
    edit_cell(small_package, "data/observations.csv", 2, "value", "abc")
    pending = validation.start_validation(small_package, tmp_path / "cache")
    assert pending._process is not None  # validated in another process
    deadline = time.monotonic() + 120
    while pending.running():  # the build asks this before it forks: it turns false once the worker has answered
        assert time.monotonic() < deadline
        time.sleep(0.05)
    report = pending.report()
    assert flat(report) == [DEMO_REVIEW, ("data/observations.csv", 2, "value", "wrong-type")]
    again = validation.start_validation(small_package, tmp_path / "cache")
    assert again._process is None and again._future is None  # the stored report, at once
    assert not again.running()
    assert flat(again.report()) == flat(report)
    assert again.report().text() == report.text()


def test_in_process_validation_starts_no_worker_and_stores_its_report(small_package, tmp_path):
    edit_cell(small_package, "data/observations.csv", 2, "value", "abc")
    pending = validation.start_validation(small_package, tmp_path / "cache", in_process=True)
    assert pending._process is None and pending._future is None  # validated here, already done
    assert flat(pending.report()) == [DEMO_REVIEW, ("data/observations.csv", 2, "value", "wrong-type")]
    assert store.ValidationCache(tmp_path / "cache").get("report-" + store.package_key(small_package.resolve())) is not None


def test_the_key_follows_the_change_log_and_the_date(shipped_copy, monkeypatch):
    key = store.package_key(shipped_copy)
    (shipped_copy.parent / "data" / "CHANGELOG.md").write_text("# 更新记录\n\n- 新的一条。\n", encoding="utf-8")
    with_log = store.package_key(shipped_copy)
    assert with_log != key

    # The day the checks judge dates against is Quzhou's (core/clock.py): 2024-02-29 23:40 UTC and 2024-03-01
    # 08:00 UTC are both 2024-03-01 there, so they share a key; 2024-03-02 00:00 in Quzhou does not.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1709250000")
    first_of_march = store.package_key(shipped_copy)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1709280000")
    assert store.package_key(shipped_copy) == first_of_march
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1709308800")
    assert store.package_key(shipped_copy) != first_of_march


def test_the_serve_loop_keeps_one_validation_worker(small_package, tmp_path):
    try:
        first = validation.start_validation(small_package, tmp_path / "cache", keep_worker=True)
        assert first.report().ok
        worker = validation._KEPT[0]
        edit_cell(small_package, "data/observations.csv", 2, "value", "abc")
        second = validation.start_validation(small_package, tmp_path / "cache", keep_worker=True)
        assert flat(second.report()) == [DEMO_REVIEW, ("data/observations.csv", 2, "value", "wrong-type")]
        assert validation._KEPT == [worker]  # the same process, Great Expectations already imported in it
    finally:
        for pool in validation._KEPT:
            pool.shutdown()
        validation._KEPT.clear()


def test_a_suite_follows_every_table_its_frame_looks_at_even_one_it_does_not_declare(shipped_copy, tmp_path, monkeypatch,
                                                                                       suites_run):
    from scripts.validate import frames

    builder, needs = frames.FRAMES["targets"]

    def targets_and_a_glance_at_units(t, descriptor):
        if "units" in t:  # an optional table, as a frame may read one beyond those it declares
            t["units"]
        return builder(t, descriptor)

    monkeypatch.setitem(frames.FRAMES, "targets", (targets_and_a_glance_at_units, needs))
    validate_cached(shipped_copy, tmp_path / "cache")
    suites_run.clear()
    edit_cell(shipped_copy, "data/units.csv", 2, "name", "改过的单位名称")
    validate_cached(shipped_copy, tmp_path / "cache")
    assert suites_run == ["target_years"]  # the only suite on the targets frame; no other frame reads units.csv
