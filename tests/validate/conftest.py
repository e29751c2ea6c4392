"""The validator's tests share the results of Great Expectations suites and of Frictionless resource checks
for byte-identical inputs.

Most tests break one cell of a copy of a package: the suites and resources that do not read that table see
exactly the inputs another test already validated. Results are keyed by everything a part reads (the suite or
the resource, the descriptor, the tables or files it reads, the validator's code and the date), so a shared
result is the result that running it would give; tests/validate/test_cache.py tests that keying. Modules opt in
with `pytestmark = pytest.mark.usefixtures("shared_results")`.
"""

import pytest

from scripts.validate.cache import ValidationCache, parts_cached
from tests.buildcaches import run_folder


@pytest.fixture(scope="session")
def part_results(tmp_path_factory) -> ValidationCache:
    return ValidationCache(run_folder(tmp_path_factory) / "part-results")


@pytest.fixture
def shared_results(part_results):
    with parts_cached(part_results):
        yield
