"""scripts.core.package: reading a package opens only regular files inside it; demo is only ever JSON true."""

import json
import os

import pytest

from scripts.core.package import Package, read_package
from scripts.core.safety import UnsafePath


def test_read_package_refuses_a_linked_file(shipped_copy, tmp_path):
    outside = tmp_path / "units.csv"
    outside.write_bytes((shipped_copy.parent / "data" / "units.csv").read_bytes())
    (shipped_copy.parent / "data" / "units.csv").unlink()
    os.symlink(outside, shipped_copy.parent / "data" / "units.csv")

    with pytest.raises(UnsafePath) as caught:
        read_package(shipped_copy)
    assert caught.value.path == "data/units.csv"


def test_read_package_refuses_a_path_that_leaves_the_package(shipped_copy):
    descriptor = json.loads(shipped_copy.read_text(encoding="utf-8"))
    descriptor["resources"][0]["path"] = "../../etc/passwd"
    shipped_copy.write_text(json.dumps(descriptor), encoding="utf-8")

    with pytest.raises(UnsafePath):
        read_package(shipped_copy)


def test_read_package_accepts_a_descriptor_with_a_bom(shipped_copy):
    shipped_copy.write_bytes(b"\xef\xbb\xbf" + shipped_copy.read_bytes())

    assert read_package(shipped_copy).rows("areas")[0]["id"] == "quzhou"


@pytest.mark.parametrize("value, expected", [(True, True), (False, False), ("否", False), ("true", False), (1, False)])
def test_only_json_true_marks_a_package_fictional(tmp_path, value, expected):
    assert Package(path=tmp_path / "datapackage.json", descriptor={"demo": value}).is_demo is expected
