"""validate_package with the store of part results this test run shares (tests/validate/conftest.py)."""

from scripts.validate import run
from scripts.validate.store import ValidationCache

PART_RESULTS: list[ValidationCache] = []  # the run's store, set by the session fixture in conftest.py


def validate_package(path):
    """The validator's report on path, reusing the suite and resource results of byte-identical inputs."""
    return run.validate_package(path, PART_RESULTS[0] if PART_RESULTS else None)


# A fixture package is marked fictional (demo: true): a change from the reviewed package, listed for review.
DEMO_REVIEW = ("datapackage.json", None, "demo", "schema-addition")
