"""`make test-data-change` runs again and again: tests/datachange.py starts afresh and says where its last step is."""

import subprocess

from tests import datachange
from tests.conftest import ROOT


def test_the_steps_are_written_afresh_and_the_last_descriptor_printed_alone(tmp_path, capsys):
    out = tmp_path / "data-change"
    for _ in range(2):  # the second run used to stop at the first step's folder, left by the first
        assert datachange.main([str(out)]) == 0
        assert capsys.readouterr().out == f"{out / '4-removed' / 'datapackage.json'}\n"
    (out / "left-over").write_text("a file of an older run\n", encoding="utf-8")
    assert datachange.main([str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["1-added", "2-corrected", "3-withdrawn", "4-removed"]


def test_the_recipe_takes_the_descriptor_from_the_run_and_needs_no_node():
    completed = subprocess.run(["make", "--no-print-directory", "-s", "-n", "-o", "setup", "test-data-change"], cwd=ROOT,
                               capture_output=True, text=True, check=True, timeout=60)
    assert completed.stdout.splitlines() == [
        "scripts/ensure-debian-packages.sh chromium",
        'descriptor="$(.venv/bin/python -m tests.datachange build/data-change)" && '
        'QZ_PACKAGE="$descriptor" .venv/bin/python -m pytest -m shipped',
    ]
