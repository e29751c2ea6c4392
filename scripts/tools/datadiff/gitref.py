"""The package as it was at a git ref, written out from git into a folder; DiffError for what staff can fix."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path, PurePosixPath

from scripts.validate.messages import CONTROL, INVISIBLE, show


class DiffError(Exception):
    """A problem the contributor can act on, worded in Chinese."""


MAX_REF_CHARS = 200


# `make diff|check|bump BASE=…` hand the ref over in this variable, never on a command line (see the Makefile).
BASE_REF_VARIABLE = "QZ_BASE_REF"
DEFAULT_BASE = "origin/main"


def base_ref(argument: str | None) -> str:
    """The ref to compare with: the argument, else QZ_BASE_REF, else origin/main; DiffError (in Chinese) unless git
    could accept it as a name."""
    ref = argument if argument is not None else os.environ.get(BASE_REF_VARIABLE) or DEFAULT_BASE
    check_ref_name(ref)
    return ref


def check_ref_name(ref: str) -> None:
    """Raise DiffError (in Chinese) for a ref that could be anything but a revision to git: empty, too long, with
    a leading "-" (an option) or a control character. Whatever else git accepts (HEAD~1, v2.0.0^, @{u},
    release#2) is asked of git itself (`git rev-parse --verify`, in checkout_package); the ref only ever reaches
    git as one argument of a list, never a shell."""
    def refuse(why: str) -> None:
        raise DiffError(f"基准版本“{show(ref)}”不是有效的 git 分支或提交名：{why}。"
                        "请写分支名（如 main、origin/main）或提交编号（如 4febff5）。")

    if not ref:
        refuse("是空的")
    if len(ref) > MAX_REF_CHARS:
        refuse(f"超过了 {MAX_REF_CHARS} 个字符")
    if ref.startswith("-"):
        refuse("不能以“-”开头")
    if CONTROL.search(ref) or INVISIBLE.search(ref) or any(c in ref for c in "\t\n\r"):  # CONTROL spares the three
        refuse("含有看不见的控制字符")


class GitFailed(DiffError):
    """git ran and refused; the message is git's own (English) text."""


def git(repo: Path, *args: str) -> bytes:
    try:
        # git's own messages in English whatever the machine's language, so that they can be recognised below.
        completed = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False,
                                   env={**os.environ, "LC_ALL": "C", "LANGUAGE": "C"})
    except FileNotFoundError:
        raise DiffError("没有找到 git：要与某个 git 版本比较，请先安装 Git（https://git-scm.com/）；"
                        "也可以用 --base-package 指定另一个文件夹里的数据包来比较。") from None
    if completed.returncode != 0:
        raise GitFailed(completed.stderr.decode("utf-8", "replace").strip() or f"git {' '.join(args)} 失败")
    return completed.stdout


def repository_root(folder: Path) -> Path:
    """The top folder of the git repository that holds folder; DiffError in Chinese when there is none, as in a
    folder unpacked from GitHub's "Download ZIP"."""
    try:
        return Path(git(folder, "rev-parse", "--show-toplevel").decode().strip()).resolve()
    except GitFailed as error:
        if "not a git repository" not in str(error).lower():
            raise
        raise DiffError(
            "数据包所在的文件夹不是 git 仓库（从 GitHub 点“Code → Download ZIP”下载、解压出来的文件夹就不是），"
            "没法与基准版本比较。只检查数据，请运行 .venv/bin/python -m scripts validate"
            "（Windows：.venv\\Scripts\\python -m scripts validate），版本号和更新记录在提交拉取请求后由那里的检查核对；"
            "要在本机做完整的检查，请用 GitHub Desktop 把仓库克隆（Clone）到本机，在克隆下来的文件夹里修改和运行。") from None


def checkout_package(ref: str, descriptor: Path, destination: Path) -> Path:
    """Write the package as it was at `ref` (descriptor and CSVs, from git) into destination.

    A file the ref does not have is written empty, so a table that did not exist yet reads as no rows.
    """
    descriptor = descriptor.resolve()
    repo = repository_root(descriptor.parent)
    try:  # the commit itself from here on: whatever the name, git reads a commit id only as a commit id
        commit = git(repo, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}").decode().strip()
    except DiffError:
        raise DiffError(f"找不到基准版本 {show(ref)}：请确认已取得该分支或提交（如 git fetch origin）。") from None
    package_dir = PurePosixPath(descriptor.parent.relative_to(repo).as_posix())
    destination.mkdir(parents=True, exist_ok=True)
    target = destination / "datapackage.json"
    target.write_bytes(_show(repo, commit, package_dir / descriptor.name) or b'{"resources": []}')
    try:
        resources = json.loads(target.read_text(encoding="utf-8")).get("resources", [])
    except json.JSONDecodeError as error:
        raise DiffError(f"基准版本 {show(ref)} 的 {descriptor.name} 不是有效的 JSON：{error}") from None
    for resource in resources:
        relative = PurePosixPath(resource["path"])
        if relative.is_absolute() or ".." in relative.parts:
            raise DiffError(f"基准版本 {show(ref)} 中资源 {resource.get('name')} 的路径不在数据包目录内：{resource['path']}")
        path = destination / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_show(repo, commit, package_dir / relative) or b"")
    return target


def _show(repo: Path, commit: str, path: PurePosixPath) -> bytes | None:
    try:
        return git(repo, "show", f"{commit}:{path.as_posix().removeprefix('./')}")
    except DiffError:
        return None
