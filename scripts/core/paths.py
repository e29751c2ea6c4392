"""Where things are: the repository's folders and the build's own layout, named once."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PACKAGE = ROOT / "datapackage.json"
DOCS_DIR = ROOT / "docs"  # hand-written pages
OVERRIDES_DIR = ROOT / "overrides"  # mkdocs-material template overrides
SUITES_DIR = ROOT / "validations"  # Great Expectations suites (*.json) and the schema expectation (schema/)
SCHEMA_EXPECTATION = SUITES_DIR / "schema" / "expectation.json"  # the reviewed structure (scripts/validate/schemaguard.py)
MKDOCS_CONFIG = ROOT / "mkdocs.yml"
SCRIPTS_DIR = ROOT / "scripts"  # the pipeline's code
REQUIREMENTS = ROOT / "requirements.txt"  # the pinned libraries it runs with
BUILD_DIR = ROOT / "build"  # everything a build writes before the swap
SITE_DIR = ROOT / "site"  # the finished site
CHANGELOG = "data/CHANGELOG.md"  # the change log staff edit, relative to the package folder

# ---- what a build reads: declared once; `make serve` watches it and the unchanged check hashes it all; the validation
# cache hashes the part the validator reads: the package, every file under SUITES_DIR and VALIDATOR_CODE ----
# Besides the package itself (package_inputs), the project's files a build reads, in two groups:
CONTENT_INPUTS = (DOCS_DIR, OVERRIDES_DIR, MKDOCS_CONFIG, SUITES_DIR)  # a change is picked up by the next rebuild
CODE_INPUTS = (SCRIPTS_DIR, REQUIREMENTS)  # a change takes a new process (make serve restarted)
VALIDATOR_CODE = (SCRIPTS_DIR / "validate", SCRIPTS_DIR / "core")  # the part of the code the validation runs


def package_inputs(package_path: Path) -> list[Path]:
    """The package's own inputs: its descriptor and the folder of its data files (and change log)."""
    return [package_path, package_path.parent / "data"]


def stage_dir(work_dir: Path) -> Path:
    """The pages, charts and downloads handed to mkdocs."""
    return work_dir / "stage"


def chart_cache_dir(work_dir: Path) -> Path:
    """Rendered SVGs keyed by the hash of their spec."""
    return work_dir / "cache" / "charts"


def validation_cache_dir(work_dir: Path) -> Path:
    """Validation reports and suite results keyed by the hash of what they read."""
    return work_dir / "cache" / "validation"
