"""`make check`: what a pull request runs and staff can run too: validation, the build, the version rule, a Chinese
summary. `python -m scripts check [PACKAGE] [--base REF | --base-package PATH]`; exits 1 when anything fails."""

# versions.py holds the version rule, summary.py words the result, bump.py is make bump; the two packages compared
# and the data diff itself are scripts/tools/datadiff, the validation report's table scripts/tools/ci_summary.

from scripts.tools.check.cli import main

__all__ = ["main"]
