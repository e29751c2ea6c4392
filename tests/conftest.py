"""Shared fixtures: the package under test, its pinned copies, and fixture packages.

"The shipped package" is read through one name, SHIPPED: the repository's datapackage.json, or the package that
the environment variable QZ_PACKAGE names (so the same suite can run against an edited copy: `make test-data-change`).
Only the plan's fixed facts (tasks, their units, indicators, targets) are asserted on it. Tests of behaviour read
a pinned copy: the plan's facts of SHIPPED with the figures, version, date and change log of
tests/fixtures/shipped-figures, so a new figure, a correction or a removal in data/ leaves every expectation alone.
"""

import json
import os
import shutil
from pathlib import Path

import pytest

# Built and served sites (each built once per run, only when a test asks for it).
pytest_plugins = ["tests.buildcaches", "tests.sitefixtures", "tests.browserfixtures"]

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = Path(os.environ.get("QZ_PACKAGE") or ROOT / "datapackage.json").resolve()
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# What a normal data change edits: figures, unit reports, editorial tables and the change log (data/ of the pinned
# figures replaces these files), and the version and the date the footer shows (descriptor keys, pinned here).
PINNED_FIGURES = FIXTURES / "shipped-figures"
PINNED_DESCRIPTOR = {"version": "1.1.0", "created": "2026-11-29T00:00:00Z"}
# Tests that read SHIPPED (or a copy of it) use one of these fixtures; they carry the `shipped` marker, which
# `make test-data-change` selects to run them against an edited copy.
SHIPPED_FIXTURES = frozenset({"shipped_package", "shipped_copy", "pinned_shipped", "shipped_site"})


def pytest_collection_modifyitems(items):
    for item in items:
        if SHIPPED_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.shipped)


def on_site(site: str, *values):
    """The parameters of a test that asks for the shared site named `site` while it runs (request.getfixturevalue,
    which collection cannot see): marked `shipped` when that is the shipped site, as a test naming the fixture is."""
    return pytest.param(*values, marks=[pytest.mark.shipped] if site == "shipped" else [])


def copy_package(source_descriptor: Path, destination: Path) -> Path:
    """Copy a package (descriptor and data/) into destination; return the new descriptor path."""
    destination.mkdir(parents=True, exist_ok=True)
    shutil.copy(source_descriptor, destination / "datapackage.json")
    shutil.copytree(source_descriptor.parent / "data", destination / "data")
    return destination / "datapackage.json"


def pinned_package(destination: Path) -> Path:
    """A copy of SHIPPED with its figures, version, date and change log pinned (tests/fixtures/shipped-figures)."""
    descriptor_path = copy_package(SHIPPED, destination)
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8-sig"))
    descriptor.update(PINNED_DESCRIPTOR)
    descriptor_path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for source in (PINNED_FIGURES / "data").iterdir():
        shutil.copy(source, destination / "data" / source.name)
    return descriptor_path


@pytest.fixture(scope="session")
def shipped_package() -> Path:
    """The descriptor of the package under test itself (read only): for the plan's fixed facts and its validity."""
    return SHIPPED


@pytest.fixture
def shipped_copy(tmp_path: Path) -> Path:
    """A pinned copy of the shipped package that a test may change."""
    return pinned_package(tmp_path / "package")


@pytest.fixture(scope="session")
def pinned_shipped(tmp_path_factory) -> Path:
    """One pinned copy of the shipped package for the whole session, for tests that only read it."""
    return pinned_package(tmp_path_factory.mktemp("pinned") / "package")


def fixture_package(name: str, destination: Path) -> Path:
    """A package made of the shipped schema and the CSVs under tests/fixtures/<name>/data, marked as a demo."""
    descriptor = json.loads(SHIPPED.read_text(encoding="utf-8-sig"))
    descriptor.update(name=f"fixture-{name}", title="测试用示例数据包（虚构）", demo=True, **PINNED_DESCRIPTOR)
    destination.mkdir(parents=True, exist_ok=True)
    (destination / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    shutil.copytree(FIXTURES / name / "data", destination / "data")
    return destination / "datapackage.json"


@pytest.fixture
def small_package(tmp_path: Path) -> Path:
    """A tiny fictional package with area figures, an interim figure and a task report."""
    return fixture_package("small", tmp_path / "small")
