"""The validator's tests share the results of Great Expectations suites and of Frictionless resource checks
for byte-identical inputs.

Most tests break one cell of a copy of a package: the suites and resources that do not read that table see
exactly the inputs another test already validated. Results are keyed by everything a part reads (the suite or
the resource, the descriptor, the tables or files it reads, the validator's code and the date), so a shared
result is the result that running it would give; tests/validate/test_cache.py tests that keying. Modules opt in
by importing `validate_package` from tests/validate/shared.py instead of the validator.
"""

import pytest

from scripts.validate.store import ValidationCache
from tests.buildcaches import run_folder
from tests.validate import shared


@pytest.fixture(scope="session", autouse=True)
def part_results(tmp_path_factory) -> ValidationCache:
    shared.PART_RESULTS.append(ValidationCache(run_folder(tmp_path_factory) / "part-results"))
    yield shared.PART_RESULTS[-1]
    shared.PART_RESULTS.clear()
