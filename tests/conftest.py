"""Shared fixtures: the shipped package, and disposable copies of it to break."""

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "datapackage.json"


def copy_package(source_descriptor: Path, destination: Path) -> Path:
    """Copy a package (descriptor and data/) into destination; return the new descriptor path."""
    destination.mkdir(parents=True, exist_ok=True)
    shutil.copy(source_descriptor, destination / "datapackage.json")
    shutil.copytree(source_descriptor.parent / "data", destination / "data")
    return destination / "datapackage.json"


@pytest.fixture
def shipped_copy(tmp_path: Path) -> Path:
    """A copy of the shipped package that a test may change."""
    return copy_package(SHIPPED, tmp_path / "package")
