"""`python -m scripts.tools.datadiff BASE`: the data diff's command line (cli.main)."""

import sys

from scripts.tools.datadiff.cli import main

sys.exit(main())
