"""Shared fixtures: the shipped package, and disposable copies of it to break."""

import shutil
from pathlib import Path

import pytest

# Built and served sites (each built once per run, only when a test asks for it).
pytest_plugins = ["tests.buildcaches", "tests.sitefixtures", "tests.browserfixtures"]

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


FIXTURES = Path(__file__).resolve().parent / "fixtures"


def fixture_package(name: str, destination: Path) -> Path:
    """A package made of the shipped schema and the CSVs under tests/fixtures/<name>/data, marked as a demo."""
    import json

    descriptor = json.loads(SHIPPED.read_text(encoding="utf-8"))
    descriptor.update(name=f"fixture-{name}", title="测试用示例数据包（虚构）", demo=True)
    destination.mkdir(parents=True, exist_ok=True)
    (destination / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    shutil.copytree(FIXTURES / name / "data", destination / "data")
    return destination / "datapackage.json"


@pytest.fixture
def small_package(tmp_path: Path) -> Path:
    """A tiny fictional package with area figures, an interim figure and a task report."""
    return fixture_package("small", tmp_path / "small")
