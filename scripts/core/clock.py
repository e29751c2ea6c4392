"""The day it is in Quzhou (UTC+8): today, or the day SOURCE_DATE_EPOCH names (the reproducible-builds convention).

The one clock of the project, and the one place that says which day each part reads:
- A build decides its day once, at its start (scripts/pipeline/build.py: `today`, by default `today()`), and
  hands it down: the unchanged check keys on it, the progress stage judges on it and keeps it as `Results.today`
  (which years are over, whether the plan has ended), and every later stage reads it from there. `Results.as_of`,
  the date the data speaks for, is the version's `created` date, or without one that same day.
- The validator judges dates (a period not yet over, a publication in the future) against `today()` in its own
  process (scripts/validate/frames.py), and its store keys results on the same day. This is deliberately the
  calendar day, not the day a site is built to speak for: a build given another day (a site shown as it read while
  its plan ran, the tests, the worked examples) still refuses a figure dated after the real today. Without such a
  day both are this function's answer, and can differ only for a build that runs across midnight in Quzhou.
- make bump, make check and make intake take `today()` as the version's and a correction's date (--today fixes it).
"""

from __future__ import annotations

import datetime
import os

# China Standard Time: UTC+8 all year (no daylight saving). Staff date their versions and corrections by the
# calendar on their wall; CI runs in UTC, where 07:00 in Quzhou is still yesterday.
QUZHOU = datetime.timezone(datetime.timedelta(hours=8), "UTC+8")


def today() -> datetime.date:
    """The date in Quzhou now: what a build judges whether a plan has ended against, what make bump writes as a
    version's date and what make check takes as today. SOURCE_DATE_EPOCH (seconds since 1970) fixes it, read as
    a moment in Quzhou too, so that a site can be rebuilt exactly as it was, or shown as it read while its plan
    ran."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = datetime.datetime.fromtimestamp(int(epoch), QUZHOU) if epoch.isdigit() else datetime.datetime.now(QUZHOU)
    return moment.date()
