"""Where things are: the repository's folders and the build's own layout, named once."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PACKAGE = ROOT / "datapackage.json"
DOCS_DIR = ROOT / "docs"  # hand-written pages
SUITES_DIR = ROOT / "validations"  # Great Expectations suites
MKDOCS_CONFIG = ROOT / "mkdocs.yml"
BUILD_DIR = ROOT / "build"  # everything a build writes before the swap
SITE_DIR = ROOT / "site"  # the finished site
CHANGELOG = "data/CHANGELOG.md"  # the change log staff edit, relative to the package folder


def stage_dir(work_dir: Path) -> Path:
    """The pages, charts and downloads handed to mkdocs."""
    return work_dir / "stage"


def chart_cache_dir(work_dir: Path) -> Path:
    """Rendered SVGs keyed by the hash of their spec."""
    return work_dir / "cache" / "charts"


def validation_cache_dir(work_dir: Path) -> Path:
    """Validation reports and suite results keyed by the hash of what they read."""
    return work_dir / "cache" / "validation"
