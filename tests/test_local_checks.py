"""Local checks anywhere: `python -m scripts validate` and `check` need plain Python only (no make, no Debian tools,
no git unless a git ref is asked for), and a dev container gives a browser-only user the same environment."""

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, copy_package

RUN_BOTH = """\
import sys
from scripts.__main__ import main
codes = [main(["validate", sys.argv[1]]), main(["check", sys.argv[2], "--base-package", sys.argv[1], "--no-build",
                                                 "--work-dir", sys.argv[3], "--today", "2026-12-06"])]
codes.append(main(["diff", "main", "--package", sys.argv[2]]))  # a git ref asked for, and no git
print("codes", *codes)
"""


def test_validate_and_check_run_with_only_python_on_the_path(small_package, tmp_path):
    bin_dir = tmp_path / "bin"  # an empty PATH: no make, sha1sum, dpkg-query, apt or git; Python by its own path
    bin_dir.mkdir()
    changed = copy_package(small_package, tmp_path / "changed")
    with open(changed.parent / "data" / "observations.csv", "a", encoding="utf-8") as handle:
        handle.write("robots,quzhou,2022,530,final,示例来源（虚构）,https://example.org/demo/10,original,,2023-03-01,\n")
    env = {"PATH": str(bin_dir), "PYTHONPATH": str(ROOT), "HOME": str(tmp_path), "LANG": "C.UTF-8"}

    completed = subprocess.run([sys.executable, "-c", RUN_BOTH, str(small_package), str(changed), str(tmp_path / "work")],
                               cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False)

    assert completed.stdout.splitlines()[-1] == "codes 0 1 1", completed.stdout + completed.stderr
    assert "检查通过：small/datapackage.json 没有错误，有 1 处提醒（不影响通过）。" in completed.stdout  # the path as given; the fixture's demo flag
    assert "这次改动（进展数字新增 1 行）要升次版本号，datapackage.json 的 version 还是 1.1.0。" in completed.stdout
    assert "- 网站构建：这次没有构建（--no-build）。" in completed.stdout
    # The summary is Markdown: the address in our own message stays text there too (summarytext.md).
    assert "无法比较数据变化：没有找到 git：要与某个 git 版本比较，请先安装 Git（https<!-- -->://git-scm.com/）" in completed.stdout
    assert "Traceback" not in completed.stdout + completed.stderr


def test_the_dev_container_is_debian_python_311_set_up_by_make():
    config = json.loads((ROOT / ".devcontainer" / "devcontainer.json").read_text(encoding="utf-8"))
    assert config["image"] == "python:3.11-bookworm"  # the CI's image: Debian 12, Python 3.11
    assert config["postCreateCommand"] == "make setup"
    assert 8000 in config["forwardPorts"]  # make serve


def test_readme_and_contributing_say_both_ways():
    for name in ("README.md", "CONTRIBUTING.md"):
        text = (ROOT / name).read_text(encoding="utf-8")
        assert "python -m scripts validate" in text and "python -m scripts check" in text, name
        assert "Codespaces" in text and ".devcontainer" in text, name


NODE_TOOLS = ["bash", "sha1sum", "cut", "rm", "touch", "chmod", "mkdir", "cat"]  # what the Makefile's lines call


def node_recipe(tmp_path: Path, npm_at_first: bool) -> tuple[subprocess.CompletedProcess, Path]:
    """Run the Makefile's node_modules recipe in a copy of the repository's make files, on a PATH of the few tools
    it calls, with a stand-in ensure-debian-packages.sh that "installs" a stand-in npm."""
    repo, bin_dir = tmp_path / "repo", tmp_path / "bin"
    (repo / "scripts").mkdir(parents=True)
    bin_dir.mkdir()
    for name in ("Makefile", "package.json", "package-lock.json", "requirements.txt"):
        shutil.copy(ROOT / name, repo / name)
    for tool in NODE_TOOLS:
        (bin_dir / tool).symlink_to(shutil.which(tool))
    npm = '#!/bin/bash\necho "$*" >> "$LOG"\nmkdir -p node_modules\n'
    (repo / "scripts" / "ensure-debian-packages.sh").write_text(
        f'#!/bin/bash\necho "ensure $*" >> "$LOG"\ncat > "{bin_dir}/npm" <<\'EOF\'\n{npm}EOF\nchmod +x "{bin_dir}/npm"\n',
        encoding="utf-8")
    (repo / "scripts" / "ensure-debian-packages.sh").chmod(0o755)
    if npm_at_first:
        (bin_dir / "npm").write_text(npm, encoding="utf-8")
        (bin_dir / "npm").chmod(0o755)
    stamp = "node_modules/.installed-" + hashlib.sha1((ROOT / "package-lock.json").read_bytes()).hexdigest()[:12]
    completed = subprocess.run([shutil.which("make"), "--no-print-directory", stamp], cwd=repo, capture_output=True,
                               text=True, check=False, timeout=60,
                               env={"PATH": str(bin_dir), "LOG": str(tmp_path / "log"), "HOME": str(tmp_path)})
    return completed, repo / stamp


def test_make_test_installs_debians_node_where_there_is_no_npm(tmp_path):
    completed, stamp = node_recipe(tmp_path, npm_at_first=False)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert (tmp_path / "log").read_text(encoding="utf-8").splitlines() == [
        "ensure nodejs npm", "ci --ignore-scripts --no-audit --no-fund --loglevel=error"]
    assert stamp.exists()


def test_make_test_uses_the_npm_there_is(tmp_path):
    completed, stamp = node_recipe(tmp_path, npm_at_first=True)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert (tmp_path / "log").read_text(encoding="utf-8").splitlines() == ["ci --ignore-scripts --no-audit --no-fund --loglevel=error"]
    assert stamp.exists()
