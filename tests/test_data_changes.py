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


def test_a_figure_a_correction_and_a_removal_each_follow_the_rule_and_stay_valid(pinned_shipped, tmp_path):
    # On the pinned copy (its figures frozen); `make test-data-change` applies the same steps to the real package.
    steps = apply_changes(tmp_path / "changes", TODAY, pinned_shipped)

    assert [(s.name, rule(s.base, s.descriptor)) for s in steps] == [
        ("1-added", ("minor", [])), ("2-corrected", ("patch", [])), ("3-withdrawn", ("patch", [])), ("4-removed", ("patch", []))]
    last = read_package(steps[-1].descriptor)
    first = read_package(pinned_shipped)
    assert len(last.rows("observations")) == len(first.rows("observations"))  # one added, one removed
    assert (first.version, last.version) == ("1.1.0", "1.2.3")
    assert validate_package(steps[-1].descriptor).errors == []


def test_the_same_figure_without_version_and_change_log_is_refused(pinned_shipped, tmp_path):
    changed = copy_package(pinned_shipped, tmp_path / "changed")
    bom, header, rows = read_rows(changed.parent / OBSERVATIONS)
    write_rows(changed.parent / OBSERVATIONS, bom, header, [*rows, new_figure(changed.parent)])

    level, findings = rule(pinned_shipped, changed)

    assert level == "minor"
    assert findings[0].message == "这次改动（进展数字新增 1 行）要升次版本号，datapackage.json 的 version 还是 1.1.0。"
    assert findings[0].fix == "请把 version 改成 \"1.2.0\"（或运行 make bump 自动改好）。"
    assert findings[-1].message == "data/CHANGELOG.md 里没有 1.2.0 这个版本的条目。"
