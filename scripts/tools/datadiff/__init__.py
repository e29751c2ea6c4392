"""What a change does to the data package: rows, schema, version and progress status, compared with a git ref."""

# diff.py computes the changes, markdown.py words them in Chinese, gitref.py reads the package at a git ref,
# packages.py reads the two packages compared (make diff, check and bump), cli.py is `make diff`. Tests that want
# a stand-in for the progress method patch scripts.progress.results.compute_progress, which is what diff.py calls.

from scripts.progress.results import compute_progress
from scripts.tools.datadiff.cli import main
from scripts.tools.datadiff.diff import (
    CellChange,
    PackageDiff,
    ResourceDiff,
    RowChange,
    StatusChange,
    diff_packages,
    diff_progress,
    diff_resource,
)
from scripts.tools.datadiff.gitref import DiffError, checkout_package
from scripts.tools.datadiff.markdown import MAX_TABLE_ROWS, NO_CHANGE, render_markdown, table
from scripts.tools.datadiff.packages import Base, compared, read

__all__ = [
    "MAX_TABLE_ROWS", "NO_CHANGE", "Base", "CellChange", "DiffError", "PackageDiff", "ResourceDiff", "RowChange",
    "StatusChange", "checkout_package", "compared", "compute_progress", "diff_packages", "diff_progress",
    "diff_resource", "main", "read", "render_markdown", "table",
]
