"""The validator's tests share Great Expectations suite results for byte-identical inputs.

Most tests break one cell of a copy of the shipped package: the suites that do not read that table see exactly
the inputs another test already validated. Results are keyed by everything a suite reads (the suite, the
descriptor, the tables its frame read, the validator's code and the date), so a shared result is the result that
running the suite would give; tests/validate/test_cache.py tests that keying. Modules opt in with
`pytestmark = pytest.mark.usefixtures("shared_suite_results")`.
"""

import pytest

from scripts.validate import expectations
from scripts.validate.cache import ValidationCache
from tests.buildcaches import run_folder


@pytest.fixture(scope="session")
def suite_results(tmp_path_factory) -> ValidationCache:
    return ValidationCache(run_folder(tmp_path_factory) / "suite-results")


@pytest.fixture
def shared_suite_results(suite_results):
    token = expectations.SUITE_CACHE.set(suite_results)
    yield
    expectations.SUITE_CACHE.reset(token)
