"""Warm build caches for every build in the tests: a pool of validation results and drawn charts for the run.

Register with `pytest_plugins` (tests/conftest.py). Every build in the tests starts from the run's pool of the
build caches (validation reports and suite results, drawn charts): both are keyed by the content hash of
everything they depend on, so a hit is only ever the result of byte-identical inputs. A test of the caches
themselves uses an empty work folder of its own.

Builds whose subject is not the validation process itself (`build`) validate in the pytest process.
"""

from __future__ import annotations

import fcntl
import functools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.core.paths import chart_cache_dir, validation_cache_dir
from scripts.pipeline.build import build_site

# The build's caches that are keyed by content: where a build under a work folder keeps them, by pool folder name.
CACHES = {"charts": chart_cache_dir, "validation": validation_cache_dir}


def run_folder(tmp_path_factory) -> Path:
    """A folder shared by the workers of this run only (pytest-xdist gives each worker a folder below it)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def locked(path: Path):
    """An exclusive lock on path (a file), held across the workers of the run until the returned file is closed."""
    handle = open(path, "a+")
    fcntl.flock(handle, fcntl.LOCK_EX)
    return handle


def link_files(source: Path, target: Path) -> None:
    """Hard-link every file of source that target lacks into target. Builds never change a cache file in place
    (they write a new file and rename it), so a linked entry stays as it was in the other folder."""
    if not source.is_dir():
        return
    target.mkdir(parents=True, exist_ok=True)
    have = set(os.listdir(target))
    for name in os.listdir(source):
        if name not in have and ".tmp" not in name:
            partial = target / f"{name}.tmp{os.getpid()}"
            try:
                os.link(source / name, partial)
            except FileNotFoundError:
                continue  # pruned by another build meanwhile
            partial.replace(target / name)


class CachePool:
    """The run's pool of build caches: warm a work folder from it before a build, add what the build drew after."""

    def __init__(self, folder: Path):
        self.folder = folder

    def warm(self, work_dir: Path) -> Path:
        for name, folder_of in CACHES.items():
            link_files(self.folder / name, folder_of(work_dir))
        return work_dir

    def keep(self, work_dir: Path) -> None:
        for name, folder_of in CACHES.items():
            link_files(folder_of(work_dir), self.folder / name)


@pytest.fixture(scope="session")
def cache_pool(tmp_path_factory) -> CachePool:
    return CachePool(run_folder(tmp_path_factory) / "build-caches")


@pytest.fixture
def work_dir(tmp_path, cache_pool) -> Iterator[Path]:
    """tmp_path/work, its caches warmed from the run's pool; what the test's builds drew goes back to the pool."""
    work = cache_pool.warm(tmp_path / "work")
    yield work
    cache_pool.keep(work)


@pytest.fixture(scope="session")
def build():
    """build_site validating in this pytest process (validate_here) instead of a new validation process per
    build: each new process imports Great Expectations again (3.7 CPU-s here), which this process has imported
    for the validator's tests anyway. The validation process is tested in tests/validate/test_cache.py and
    run by `make site` in the bench test's children (tests/tools/test_bench.py)."""
    return functools.partial(build_site, validate_here=True)
