"""The two packages a diff compares: the base (the package at a git ref, or in another folder) and the current one,
each read with a Chinese message for whatever keeps it from being read."""

from __future__ import annotations

import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from scripts.core.package import Package, read_package
from scripts.core.safety import UnsafePath
from scripts.tools.datadiff.gitref import DiffError, checkout_package
from scripts.validate.messages import show


@dataclass(frozen=True)
class Base:
    """What a change is compared with: a git ref, or another folder's datapackage.json (exactly one of them)."""

    ref: str | None = None
    package: Path | None = None
    label: str = ""  # how a summary names it, when not by the ref or the path

    def __str__(self) -> str:
        return self.label or show(str(self.package) if self.package is not None else str(self.ref), None)


def read(path: Path, label: str) -> Package:
    """The package at path; DiffError (Chinese, naming `label`) when it cannot be read."""
    try:
        return read_package(path)
    except UnsafePath as error:
        raise DiffError(f"无法读取{label}的数据包：{error.reason}请先运行 make validate 查看问题。") from None
    except Exception as error:  # noqa: BLE001 - whatever a package holds, staff get a Chinese line, not a traceback
        raise DiffError(f"无法读取{label}的数据包（{type(error).__name__}: {str(error)[:200]}）：请先运行 make validate 查看问题。") from None


@contextmanager
def compared(current: Path, base: Base) -> Iterator[tuple[Package, Package]]:
    """(base, current) packages; a ref's package is written out of git into a temporary folder first."""
    with tempfile.TemporaryDirectory(prefix="datadiff-base-") as tmp:
        if base.package is not None:
            base_path, label = base.package, f"基准数据包 {base} "
        else:
            base_path, label = checkout_package(base.ref, current, Path(tmp)), f"基准版本 {base} "
        yield read(base_path, label), read(current, "当前")
