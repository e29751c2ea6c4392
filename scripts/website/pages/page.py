"""A generated page (its source path, title and body) and the site paths and relative links between pages."""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass

from markupsafe import Markup

from scripts.website import markup as m


@dataclass
class Page:
    path: str  # source path under docs/, e.g. "indicators/tax-per-mu.md"
    title: str  # plain text; escaped when written
    body: str  # Markup from the builders; becomes plain text only in markdown()
    description: str = ""  # plain text for search engines and share previews; escaped when written
    wide: bool = False  # hide the sidebars, for pages that are one wide table

    @property
    def url_dir(self) -> str:
        """The page's URL directory with use_directory_urls, e.g. 'indicators/tax-per-mu/'."""
        stem = self.path[: -len(".md")]
        if stem == "index":
            return ""
        return (stem[: -len("/index")] if stem.endswith("/index") else stem) + "/"

    def markdown(self) -> str:
        # JSON is valid YAML, and with every non-ASCII character written as \\uXXXX the front matter is plain ASCII:
        # no character can make YAML refuse it (MkDocs would then drop it and render the title line as Markdown).
        head = f"title: {json.dumps(m.text(self.title), ensure_ascii=True)}\n"
        if self.description:
            head += f"description: {json.dumps(m.text(self.description), ensure_ascii=True)}\n"
        if self.wide:
            head += 'hide: ["navigation", "toc"]\n'
        return f"---\n{head}---\n\n{self.body}\n"


def href(from_page: Page, target: str) -> str:
    """Relative link from a page to a site path such as 'tasks/action-1-1/' or 'charts/x.svg'."""
    base = from_page.url_dir or "."
    relative = posixpath.relpath(target, base)
    return relative + ("/" if target.endswith("/") and not relative.endswith("/") else "")


def indicator_path(indicator_id: str) -> str:
    return f"indicators/{indicator_id}/"


def task_path(task_id: str) -> str:
    return f"tasks/{task_id}/"


def unit_path(unit_id: str) -> str:
    return f"units/{unit_id}/"


def area_path(area_id: str) -> str:
    return f"areas/{area_id}/"


def join(parts: list) -> Markup:
    """A page body from its blocks, empty blocks left out; a block that is not Markup is escaped (markup.page_part)."""
    return Markup("\n\n").join(m.page_part(p) for p in parts if p)
