"""build_site: a stage failing beside validation reports the data problems when the data is invalid, and its
own error when it is not; nothing is published before validation passes.

The builds here validate in the test's process (`build`, tests/buildcaches.py); the validation process that
`make site` runs beside the other stages is tested in tests/validate/test_cache.py and run by the bench test."""

import pytest

from scripts.pipeline import build as build_module
from scripts.pipeline.build import BuildFailed
from tests.helpers import edit_cell


def test_a_stage_failing_on_invalid_data_reports_the_data_problems(small_package, tmp_path, monkeypatch, capsys, work_dir, build):
    edit_cell(small_package, "data/observations.csv", 2, "value", "abc")

    def crash(*args, **kwargs):
        raise ValueError("could not convert string to float: 'abc'")

    monkeypatch.setattr(build_module, "build_unpublished", crash)
    with pytest.raises(BuildFailed, match="数据校验未通过"):
        build(small_package, tmp_path / "site", work_dir)
    assert "data/observations.csv 第2行" in capsys.readouterr().err
    assert not (tmp_path / "site").exists()


def test_a_stage_failing_on_valid_data_is_not_hidden(small_package, tmp_path, monkeypatch, work_dir, build):
    def crash(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(build_module, "build_unpublished", crash)
    with pytest.raises(ValueError, match="a bug"):
        build(small_package, tmp_path / "site", work_dir)


def test_invalid_data_builds_but_publishes_nothing(small_package, tmp_path, work_dir, build):
    edit_cell(small_package, "data/observations.csv", 2, "value", "300万")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("旧网站", encoding="utf-8")
    with pytest.raises(BuildFailed):
        build(small_package, site, work_dir)
    assert (site / "index.html").read_text(encoding="utf-8") == "旧网站"
    assert '"ok": false' in (work_dir / "validation-report.json").read_text(encoding="utf-8")
