"""The package as it was at a git ref, written out from git into a folder; DiffError for what staff can fix."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path, PurePosixPath


class DiffError(Exception):
    """A problem the contributor can act on, worded in Chinese."""


def git(repo: Path, *args: str) -> bytes:
    completed = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)
    if completed.returncode != 0:
        raise DiffError(completed.stderr.decode("utf-8", "replace").strip() or f"git {' '.join(args)} 失败")
    return completed.stdout


def checkout_package(ref: str, descriptor: Path, destination: Path) -> Path:
    """Write the package as it was at `ref` (descriptor and CSVs, from git) into destination.

    A file the ref does not have is written empty, so a table that did not exist yet reads as no rows.
    """
    descriptor = descriptor.resolve()
    repo = Path(git(descriptor.parent, "rev-parse", "--show-toplevel").decode().strip()).resolve()
    try:
        git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except DiffError:
        raise DiffError(f"找不到基准版本 {ref}：请确认已取得该分支或提交（如 git fetch origin）。") from None
    package_dir = PurePosixPath(descriptor.parent.relative_to(repo).as_posix())
    destination.mkdir(parents=True, exist_ok=True)
    target = destination / "datapackage.json"
    target.write_bytes(_show(repo, ref, package_dir / descriptor.name) or b'{"resources": []}')
    try:
        resources = json.loads(target.read_text(encoding="utf-8")).get("resources", [])
    except json.JSONDecodeError as error:
        raise DiffError(f"基准版本 {ref} 的 {descriptor.name} 不是有效的 JSON：{error}") from None
    for resource in resources:
        relative = PurePosixPath(resource["path"])
        if relative.is_absolute() or ".." in relative.parts:
            raise DiffError(f"基准版本 {ref} 中资源 {resource.get('name')} 的路径不在数据包目录内：{resource['path']}")
        path = destination / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_show(repo, ref, package_dir / relative) or b"")
    return target


def _show(repo: Path, ref: str, path: PurePosixPath) -> bytes | None:
    try:
        return git(repo, "show", f"{ref}:{path.as_posix().removeprefix('./')}")
    except DiffError:
        return None
