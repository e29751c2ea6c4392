"""The two packages a check compares: the base (a git ref, or a folder) and the working tree's."""

from __future__ import annotations

import tempfile
from contextlib import contextmanager
from pathlib import Path

from scripts.core.package import Package
from scripts.tools.datadiff.cli import _read
from scripts.tools.datadiff.gitref import DiffError, base_ref, checkout_package


@contextmanager
def packages(package: Path, ref: str | None, base_package: Path | None):
    """(base, current) packages; the base is written out of git into a temporary folder when it is a ref."""
    with tempfile.TemporaryDirectory(prefix="check-base-") as tmp:
        if base_package is not None:
            base_path, label = base_package, f"基准数据包 {base_package} "
        else:
            base_path, label = checkout_package(ref, package, Path(tmp)), f"基准版本 {ref} "
        yield _read(base_path, label), _read(package, "当前")


def describe_base(ref: str | None, base_package: Path | None) -> str:
    return str(base_package) if base_package is not None else str(ref)


__all__ = ["DiffError", "Package", "base_ref", "describe_base", "packages"]
