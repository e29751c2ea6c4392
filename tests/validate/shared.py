"""validate_package with the store of part results this test run shares (tests/validate/conftest.py), and the
small pieces the validator's tests share."""

import json

from scripts.validate import run
from scripts.validate.store import ValidationCache

PART_RESULTS: list[ValidationCache] = []  # the run's store, set by the session fixture in conftest.py


def validate_package(path):
    """The validator's report on path, reusing the suite and resource results of byte-identical inputs."""
    return run.validate_package(path, PART_RESULTS[0] if PART_RESULTS else None)


# A fixture package is marked fictional (demo: true): a change from the reviewed package, listed for review.
DEMO_REVIEW = ("datapackage.json", None, "demo", "schema-addition")
URL = "https://tjj.qz.gov.cn/art/2023/1.html"  # a source address the rules accept


def change_descriptor(descriptor_path, change) -> None:
    """Apply change (a function that edits the parsed descriptor in place) to a copy's datapackage.json."""
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    change(descriptor)
    descriptor_path.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
