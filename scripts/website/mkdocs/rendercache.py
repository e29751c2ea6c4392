"""Serve rebuilds skip mkdocs' two per-page costs for unchanged pages: Markdown to HTML, and the theme template.

Each result is kept under a key made of everything it is computed from, so a rebuilt page is byte for byte what a
cold build writes (tests/website/mkdocs/test_rebuild.py compares whole sites). The memos keep two builds' worth.
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
import zlib
from pathlib import Path

from scripts.website.mkdocs.rebuildcache import BuildMemo


def markdown_signature(config, files) -> str:
    """What a page's Markdown conversion depends on besides the page: mkdocs.yml (extensions, URL style) and the
    site's files, against which links are resolved."""
    parts = [Path(config.config_file_path).read_bytes().decode("utf-8") if config.config_file_path else "",
             config.use_directory_urls, sorted((f.src_uri, f.dest_uri, f.url) for f in files)]
    return _digest(parts)


def page_signature(config, files, nav) -> str:
    """What every page's HTML depends on besides the page itself: the above, the options our build passes (site
    address, extra, navigation) and the navigation as built (titles included), the theme's templates (custom_dir)."""
    parts = [markdown_signature(config, files), config.site_url, config.extra, config.nav, nav_signature(nav.items)]
    if config.theme.custom_dir:
        folder = Path(config.theme.custom_dir)
        parts.append([[str(p), p.read_bytes().decode("utf-8", "replace")] for p in sorted(folder.rglob("*")) if p.is_file()])
    return _digest(parts)


def _digest(parts: list) -> str:
    payload = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def nav_signature(items) -> list:
    return [[type(item).__name__, str(item.title), getattr(item, "url", None), nav_signature(item.children or [])]
            for item in items]


def toc_signature(toc) -> list:
    return [[item.title, item.id, item.level, toc_signature(item.children)] for item in toc]


class WarningCount(logging.Handler):
    """Counts the warnings mkdocs logs while a page renders: such a page is not kept, so that a strict build that
    failed on it fails again instead of reusing the page silently."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record) -> None:
        self.count += 1


def cached_render(memo: BuildMemo, page, render):
    """page.render(config, files), taken from the memo when the page's Markdown and address are unchanged."""

    def render_page(config, files) -> None:
        key = json.dumps([page.file.src_uri, page.file.dest_uri, page.file.url, page.markdown], ensure_ascii=False)
        found = memo.find(key)
        if found is None:
            counter = WarningCount()
            logger = logging.getLogger("mkdocs")
            logger.addHandler(counter)
            try:
                render(config, files)
            finally:
                logger.removeHandler(counter)
            if counter.count:
                return
            links = {target.src_uri: dict(anchors) for target, anchors in (page.links_to_anchors or {}).items()}
            memo.keep(key, copy.deepcopy((page.content, page.toc, page._title_from_render, page.present_anchor_ids, links,
                                          page.links_to_anchors is None)))
            return
        content, toc, title, anchor_ids, links, no_links = copy.deepcopy(found)
        page.content, page.toc, page._title_from_render, page.present_anchor_ids = content, toc, title, anchor_ids
        if not no_links:
            page.links_to_anchors = {files.get_file_from_path(src): anchors for src, anchors in links.items()}

    return render_page


class CachedTemplate:
    """A page template whose output is taken from the memo when nothing it reads has changed; anything else Jinja
    asks of it (blocks, extends) goes to the template itself."""

    def __init__(self, template, memo: BuildMemo, signature: str):
        self._template, self._memo, self._signature = template, memo, signature

    def __getattr__(self, name):
        return getattr(self._template, name)

    def render(self, *args, **kwargs) -> str:
        context = dict(*args, **kwargs)
        page = context.get("page")
        if page is None:
            return self._template.render(context)
        key = json.dumps([self._signature, self._template.name, context.get("base_url"), page.url, str(page.title),
                          page.meta, page.content, toc_signature(page.toc), page.canonical_url, page.edit_url],
                         ensure_ascii=False, sort_keys=True, default=str)
        found = self._memo.find(key)
        if found is not None:
            return zlib.decompress(found).decode("utf-8")
        output = self._template.render(context)
        self._memo.keep(key, zlib.compress(output.encode("utf-8"), 1))  # a page's HTML is ~30 KB, a seventh of that kept
        return output
