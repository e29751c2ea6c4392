"""What one build leaves for the next in the same process (`make serve`): jieba's segmentation, each page's search
entries and the compiled theme templates. Only builds that ask for it keep anything (build_site's keep_pages):
a one-off `make site` would only pay for the memory."""

from __future__ import annotations

import copy
import json
from typing import Callable

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class BuildMemo:
    """Results computed by the last build and the current one, valid while the build's context (e.g. a hash of
    jieba's user dictionary) stays the same. Entries the current build did not use are dropped when the next
    build starts, so the memo never holds more than two builds' worth."""

    enabled = False  # for every memo: set by keep_pages() before each build

    def __init__(self):
        self.context = ""
        self.last: dict = {}
        self.current: dict = {}

    def start_build(self, context: str) -> None:
        if context != self.context or not BuildMemo.enabled:
            self.context, self.last, self.current = context, {}, {}
        else:
            self.last, self.current = self.current or self.last, {}

    def find(self, key):
        """The value kept for key by this build or the last one (kept for the next build too), or None."""
        if not BuildMemo.enabled:
            return None
        value = self.current.get(key)
        if value is None:
            value = self.last.get(key)
            if value is not None:
                self.current[key] = value
        return value

    def keep(self, key, value) -> None:
        if BuildMemo.enabled:
            self.current[key] = value


def keep_pages(enabled: bool) -> None:
    """Whether the next builds in this process keep what they computed per page for the build after them."""
    BuildMemo.enabled = enabled


def keeping() -> bool:
    """Whether this build keeps pages: when not, the hooks leave mkdocs as it is (no keys computed for nothing)."""
    return BuildMemo.enabled


def cached_segmentation(memo: BuildMemo, segment: Callable[[str], str]) -> Callable[[str], str]:
    """The search plugin's Chinese segmentation, computed once per text."""

    def cached(text: str) -> str:
        found = memo.find(text)
        if found is None:
            found = segment(text)
            memo.keep(text, found)
        return found

    return cached


def cached_entries(memo: BuildMemo, index) -> Callable:
    """The search index's add_entry_from_context, computed once per page content: a page's entries depend only on
    its HTML, address, title, table of contents and the meta fields the plugin reads (tags, search)."""
    add_entries = index.add_entry_from_context

    def add(page) -> None:
        key = page_key(page)
        found = memo.find(key)
        if found is not None:
            index.entries.extend(copy.deepcopy(found))  # copies: the index is the plugin's to change
            return
        before = len(index.entries)
        add_entries(page)
        memo.keep(key, copy.deepcopy(index.entries[before:]))

    return add


def page_key(page) -> str:
    meta = {name: page.meta.get(name) for name in ("title", "tags", "search")}
    return json.dumps([page.url, str(page.title), meta, toc_ids(page.toc), page.content], ensure_ascii=False, default=str)


def toc_ids(toc) -> list:
    return [[item.id, item.url, toc_ids(item.children)] for item in toc]


class TemplateCache(BytecodeCache):
    """Jinja's compiled templates in memory. Jinja keys each by the template's name and a checksum of its source,
    so an edited template is compiled again."""

    def __init__(self):
        self.entries: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.entries.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.entries[bucket.key] = bucket.bytecode_to_string()
