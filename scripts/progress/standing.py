"""What a reader is told about an indicator: the method's status, or for no_data what has been published at all."""

from __future__ import annotations

from dataclasses import dataclass

from scripts.core.package import CITY_AREA
from scripts.core.words import (
    INTERIM_ONLY,
    NO_FIGURE,
    READER_STATUS_LABELS,
    STATUS_LABELS,
    UNDECIDED,
    interim_only_label,
)


@dataclass(frozen=True)
class Standing:
    """The method's status, or one of the three kinds of no_data; `label` is the badge text."""

    group: str  # a key of READER_STATUS_LABELS; also the badge's CSS modifier
    label: str  # interim_only names how many interim figures there are


def standing(result, observation_areas: list[str]) -> Standing:
    """`result`: the indicator's IndicatorProgress (or None); `observation_areas`: the area of each published figure."""
    code = result.status if result else "no_data"
    if code != "no_data":
        return Standing(code, STATUS_LABELS[code])
    if not observation_areas:
        return Standing(NO_FIGURE, READER_STATUS_LABELS[NO_FIGURE])
    interim = result.interim if result else []
    # Interim-only: every published figure is a city figure for part of a year.
    if interim and len(interim) == len(observation_areas) and all(area == CITY_AREA for area in observation_areas):
        return Standing(INTERIM_ONLY, interim_only_label(len(interim)))
    return Standing(UNDECIDED, READER_STATUS_LABELS[UNDECIDED])
