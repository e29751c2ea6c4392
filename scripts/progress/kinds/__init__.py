"""One object per target kind: how its figures are read against a target, put into words, and drawn.

Each module here holds one kind, a subclass of `base.Kind` with its code; every module of this package is
imported below, so adding a kind is one new module (plus its code in the schema's enum, and its tests).
"""

from __future__ import annotations

import importlib
import pkgutil

from scripts.progress.kinds.base import Kind, Reading, Sentence, Series
from scripts.progress.targets import Plan, Target
from scripts.progress.text import unit_of

__all__ = ["KINDS", "Kind", "Reading", "Sentence", "Series", "describe_targets", "kind_of"]


def _load() -> dict[str, Kind]:
    for module in pkgutil.iter_modules(__path__):
        if module.name != "base":
            importlib.import_module(f"{__name__}.{module.name}")
    return {cls.code: cls() for cls in Kind.__subclasses__()}


# Keyed by code; the order is the modules' (alphabetical): anything shown in order follows the schema's enum.
KINDS: dict[str, Kind] = _load()


def kind_of(code: str) -> Kind:
    try:
        return KINDS[code]
    except KeyError:
        raise ValueError(f"unknown target kind: {code!r}") from None


def describe_targets(indicator: dict, targets, plan) -> str:
    """An indicator's targets in words (plain text, not escaped), e.g. 2021—2023年每年不低于三分之一（约33.33%）.

    `targets`: Target objects or targets.csv rows, in year order; `plan`: a Plan or the descriptor's plan dict.
    """
    plan = plan if isinstance(plan, Plan) else Plan.from_dict(plan)
    return kind_of(indicator["target_kind"]).describe([Target.of(t) for t in targets], unit_of(indicator), plan)
