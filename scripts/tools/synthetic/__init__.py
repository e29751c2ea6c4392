"""Fictional data packages with the real schema, for tests, the demo site and the benchmark."""

# `python -m scripts synthetic --scale N --out DIR [--seed S] [--hostile]` (or `python -m scripts.tools.synthetic`).
# Scale 1 has about the size of the real plan; scale N repeats the plan's structure N times ("blocks")
# and adds one fictional area per extra block. Which statuses the indicators are meant to reach depends on
# the scale only (`intended_statuses`, designs.py); the seed changes names, magnitudes and noise (series.py,
# tables.py, indicators.py). The columns written are those of the repository's datapackage.json: every table
# is written in the schema's column order, and a row that does not fill exactly those columns is an error
# (csvfiles.py). write.py puts it together and holds the command line; hostile.py is the --hostile mode.

from scripts.tools.synthetic.csvfiles import count_rows, write_tables
from scripts.tools.synthetic.designs import (
    DESIGNS,
    STATUSES,
    Slot,
    Years,
    intended_statuses,
    plan_indicators,
    plan_tasks,
)
from scripts.tools.synthetic.hostile import HOSTILE, make_hostile
from scripts.tools.synthetic.series import Series, build_series
from scripts.tools.synthetic.tables import make_tables
from scripts.tools.synthetic.write import main, make_descriptor, write_synthetic_package

__all__ = [
    "DESIGNS", "HOSTILE", "STATUSES", "Series", "Slot", "Years", "build_series", "count_rows", "intended_statuses",
    "main", "make_descriptor", "make_hostile", "make_tables", "plan_indicators", "plan_tasks", "write_synthetic_package",
    "write_tables",
]
