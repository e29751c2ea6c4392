"""The day it is in Quzhou (UTC+8): today, or the day SOURCE_DATE_EPOCH names (the reproducible-builds convention)."""

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


# The pipeline's name for the same day (scripts/pipeline/unchanged.py, scripts/progress/results.py).
build_date = today
