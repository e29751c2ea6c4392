"""Normal data changes on a copy of the shipped package (tests/datachange.py): each valid, each versioned by make bump
so that the version rule holds; the same change without its release is refused. `make test-data-change` (in
.ci/run) runs the tests that read the shipped package against the last step."""

import datetime

from scripts.core.package import read_package
from scripts.tools.check.versions import check_version
from scripts.tools.datadiff.diff import diff_packages
from scripts.validate.run import validate_package
from tests.conftest import copy_package
from tests.datachange import OBSERVATIONS, apply_changes, new_figure, read_rows, write_rows

TODAY = datetime.date.today()


def rule(base, changed):
    diff = diff_packages(read_package(base), read_package(changed))
    changelog = (changed.parent / "data" / "CHANGELOG.md").read_text(encoding="utf-8")
    need, findings = check_version(diff, changelog, TODAY)
    return need.level, findings


def test_a_figure_a_correction_and_a_removal_each_follow_the_rule_and_stay_valid(shipped_package, tmp_path):
    steps = apply_changes(tmp_path / "changes", TODAY, shipped_package)

    assert [(s.name, rule(s.base, s.descriptor)) for s in steps] == [
        ("1-added", ("minor", [])), ("2-corrected", ("patch", [])), ("3-withdrawn", ("patch", [])), ("4-removed", ("patch", []))]
    last = read_package(steps[-1].descriptor)
    first = read_package(shipped_package)
    assert len(last.rows("observations")) == len(first.rows("observations"))  # one added, one removed
    assert validate_package(steps[-1].descriptor).errors == []


def test_the_same_figure_without_version_and_change_log_is_refused(shipped_package, tmp_path):
    changed = copy_package(shipped_package, tmp_path / "changed")
    bom, header, rows = read_rows(changed.parent / OBSERVATIONS)
    write_rows(changed.parent / OBSERVATIONS, bom, header, [*rows, new_figure(changed.parent)])

    level, findings = rule(shipped_package, changed)

    version = read_package(shipped_package).version
    major, minor, _ = version.split(".")
    assert level == "minor"
    assert findings[0].message == f"这次改动（进展数字新增 1 行）要升次版本号，datapackage.json 的 version 还是 {version}。"
    assert findings[0].fix == f"请把 version 改成 \"{major}.{int(minor) + 1}.0\"（或运行 make bump 自动改好）。"
    assert findings[-1].message == f"data/CHANGELOG.md 里没有 {major}.{int(minor) + 1}.0 这个版本的条目。"
