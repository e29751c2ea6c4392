"""The plan's structure and the status each synthetic indicator is designed to reach, for any scale."""

from __future__ import annotations

from dataclasses import dataclass

from scripts.core.words import SECTION_LABELS
from scripts.progress.kinds import kind_of

STATUSES = ("achieved", "not_achieved", "on_track", "behind", "off_track", "no_data")
# The statuses each kind is designed to reach, in the order indicators of that kind cycle through them.
# Milestones have no pace at all; an every-year threshold is settled (not achieved) by its first missed year,
# so it is either met every year so far (on track) or lost: neither has a "behind" or an "off track".
DESIGNS = {
    "level": STATUSES,
    "cumulative": STATUSES,
    "annual": ("achieved", "not_achieved", "on_track", "no_data"),
    "average_growth": STATUSES,
    "reduction": STATUSES,
    "share": STATUSES,
    "milestone": ("achieved", "not_achieved", "no_data"),
}

# One block is the size of the real plan: 13 headline indicators (as in 二、实施目标) and 47 set by tasks.
HEADLINE_KINDS = ["level"] * 3 + ["reduction", "average_growth", "share"] + ["cumulative"] * 7
TASK_KIND_COUNTS = {
    "level": 11, "cumulative": 7, "annual": 8, "average_growth": 5, "reduction": 5, "share": 5, "milestone": 6,
}
ACTIONS = ["淘汰落后", "创新强工", "招大引强", "质量提升"]
TASKS_PER_ACTION = 5
KEY_TASK_STEMS = [
    "全面摸排示例低效企业", "分类整治示例低效企业", "遏制示例项目盲目发展", "整治提升示例低效用地", "整合提升示例产业平台",
    "攻关示例关键技术", "转化示例科技成果", "建设示例创新平台", "培育示例创新主体", "构建示例产业生态",
    "招引示例主导产业项目", "招引示例外资项目", "招引示例强链项目", "培育示例上市企业", "服务示例项目全周期",
    "推进示例质量革命", "实施示例技术改造", "培育示例品牌", "推广示例先进模式", "强化示例质量监管",
]
POLICY_STEMS = ["示例财政支持", "示例用地保障", "示例用能保障", "示例金融支持", "示例人才支持", "示例考核激励"]
ORGANISATION_STEMS = ["加强示例组织领导", "强化示例协同推进", "建立示例赛马机制"]

@dataclass(frozen=True)
class Years:
    """The plan's calendar, read from the descriptor's `plan`."""

    base: int
    start: int
    end: int

    @property
    def horizon(self) -> int:
        return self.end - self.base


@dataclass(frozen=True)
class Slot:
    """An indicator's place in the design: everything about it that does not depend on the seed."""

    id: str
    kind: str
    status: str
    occurrence: int  # how many indicators of this kind came before it
    block: int
    headline: bool
    task_id: str | None
    direction: str
    by_area: bool

    @property
    def cycle(self) -> int:
        """How many times this kind has gone round its statuses before this indicator."""
        return self.occurrence // len(DESIGNS[self.kind])

def plan_years(descriptor: dict) -> Years:
    plan = descriptor["plan"]
    return Years(plan["base_year"], plan["start_year"], plan["end_year"])


def intended_statuses(scale: int = 1) -> dict[str, str]:
    """Indicator id -> the status its city-wide series is built to reach (the same for every seed)."""
    return {slot.id: slot.status for slot in plan_indicators(scale)}


def plan_tasks(scale: int) -> list[dict]:
    """The task rows that depend on position only: id, section, group, number, stem, block."""
    tasks = []
    for block in range(scale):
        mark = f"（{block + 1}）" if block else ""
        for a, action in enumerate(ACTIONS):
            g = block * len(ACTIONS) + a + 1
            for j in range(1, TASKS_PER_ACTION + 1):
                tasks.append({
                    "id": f"action-{g}-{j}", "section": "key_task", "group": f"示例{action}攻坚行动{mark}",
                    "number": f"三（{_chinese(g)}）{j}", "stem": KEY_TASK_STEMS[a * TASKS_PER_ACTION + j - 1] + mark,
                    "block": block,
                })
        for section, stems in (("policy", POLICY_STEMS), ("organisation", ORGANISATION_STEMS)):
            chapter = "四" if section == "policy" else "五"
            for j, stem in enumerate(stems, start=1):
                n = block * len(stems) + j
                tasks.append({
                    "id": f"{section}-{n}", "section": section, "group": SECTION_LABELS[section],
                    "number": f"{chapter}（{_chinese(n)}）", "stem": stem + mark, "block": block,
                })
    return tasks


def plan_indicators(scale: int) -> list[Slot]:
    """Every indicator's id, kind, designed status, task and direction, block by block."""
    occurrences = {kind: 0 for kind in DESIGNS}
    tasks = plan_tasks(scale)
    slots = []
    for block in range(scale):
        block_tasks = [t for t in tasks if t["block"] == block]
        # Two indicators for each key task, one for each policy, one for the last organisation task (赛马).
        owners = [t["id"] for t in block_tasks if t["section"] == "key_task" for _ in range(2)]
        owners += [t["id"] for t in block_tasks if t["section"] == "policy"]
        owners += [t["id"] for t in block_tasks if t["section"] == "organisation"][-1:]
        kinds = [(kind, True, None) for kind in HEADLINE_KINDS]
        kinds += [(kind, False, owner) for kind, owner in zip(_interleave(TASK_KIND_COUNTS), owners, strict=True)]
        by_area_wanted = {"level": 2, "cumulative": 2}
        for kind, headline, task_id in kinds:
            n = occurrences[kind]
            occurrences[kind] += 1
            status = DESIGNS[kind][n % len(DESIGNS[kind])]
            # Decreasing levels alternate with increasing ones, shifted each round so both meet every status.
            # A reduction is about a quantity that should fall, as in the real package.
            level_down = kind_of(kind).needs_baseline and (n + n // len(STATUSES)) % 2
            direction = "decrease" if level_down or kind_of(kind).higher_is_better("decrease") else "increase"
            by_area = headline and status != "no_data" and by_area_wanted.get(kind, 0) > 0
            if by_area:
                by_area_wanted[kind] -= 1
            slots.append(Slot(
                id=f"{kind.replace('_', '-')}-{n + 1}", kind=kind, status=status, occurrence=n, block=block,
                headline=headline, task_id=task_id, direction=direction, by_area=by_area,
            ))
    return slots

def _interleave(counts: dict[str, int]) -> list[str]:
    remaining = dict(counts)
    order = []
    while any(remaining.values()):
        for kind in counts:
            if remaining[kind]:
                order.append(kind)
                remaining[kind] -= 1
    return order


def _chinese(n: int) -> str:
    return "一二三四五六七八九十"[n - 1] if 1 <= n <= 10 else str(n)
