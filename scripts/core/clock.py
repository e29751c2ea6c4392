"""The day a build speaks for: today, or the day SOURCE_DATE_EPOCH names (the reproducible-builds convention)."""

from __future__ import annotations

import datetime
import os


def build_date() -> datetime.date:
    """Whether a plan has ended is decided against this day. SOURCE_DATE_EPOCH (seconds since 1970, UTC) fixes it,
    so that a site can be rebuilt exactly as it was, or shown as it read while its plan ran."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()
    return datetime.date.today()
