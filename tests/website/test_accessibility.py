"""axe-core on the home page and one page of each type: no serious or critical violation."""

from __future__ import annotations

import pytest

pytest.register_assert_rewrite("tests.sitefixtures")
from tests.sitefixtures import Site  # noqa: E402 - after the rewrite hook, so the plugin's asserts are rewritten too

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}

# (site, path) of one page of each type, from the shipped package and from the small fixture.
PAGES = {
    "home": ("shipped", ""),
    "headline": ("shipped", "headline/"),
    "indicators index": ("shipped", "indicators/"),
    "indicator with data": ("shipped", "indicators/manufacturing-investment-growth/"),
    "indicator without data": ("shipped", "indicators/key-research-institutes-county-coverage/"),
    "tasks index": ("shipped", "tasks/"),
    "task": ("shipped", "tasks/action-1-1/"),
    "units index": ("shipped", "units/"),
    "unit": ("shipped", "units/economy-it/"),
    "areas index": ("shipped", "areas/"),
    "area": ("shipped", "areas/kecheng/"),
    "downloads": ("shipped", "downloads/"),
    "methodology": ("shipped", "methodology/"),
    "changelog": ("shipped", "changelog/"),
    "fixture home (demo banner)": ("small", ""),
    "fixture areas index with a ranking": ("small", "areas/"),
    "fixture indicator with figures": ("small", "indicators/new-firms/"),
    "fixture indicator with an interim figure": ("small", "indicators/robots/"),
    "fixture task with a report": ("small", "tasks/action-1-1/"),
    "fixture unit": ("small", "units/economy-it/"),
    "fixture area with figures": ("small", "areas/kecheng/"),
}


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} {violation['helpUrl']}")
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {' '.join(map(str, node['target']))}  {summary[:200]}")
    return "\n".join(lines)


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.mark.parametrize("page_type", PAGES)
def test_no_serious_accessibility_violation(page_type, request, open_page, axe):
    site_name, path = PAGES[page_type]
    site: Site = request.getfixturevalue(f"{site_name}_site")
    visit = open_page()
    visit.load(site.page_url(path))
    violations = [v for v in axe.run(visit.page).response["violations"] if v["impact"] in BLOCKING]
    assert not violations, f"axe 在 {site.name}/{path} 发现严重的无障碍问题：\n{describe(violations)}"
