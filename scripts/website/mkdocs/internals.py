"""The one door to MkDocs', Material's and jieba's private names: each is checked once, with the shape we rely on,
before anything uses it; where one is missing or changed, the build falls back to plain MkDocs behaviour (one
process, the theme's own Chinese segmentation, no reuse between serve rebuilds) with a one-line warning.

mkdocs and mkdocs-material are pinned exactly (requirements.in), so a change here means someone moved a pin:
the warning says which name is gone, and the site is still built, only slower.
"""

from __future__ import annotations

import functools
import inspect
import logging
import os
import sys
import threading

log = logging.getLogger(__name__)  # not under "mkdocs": strict mode must not count it as a page warning

# feature -> what it needs: (module, attribute path, the parameters a callable must take, or None for any attribute)
NEEDS: dict[str, list[tuple[str, str, tuple[str, ...] | None]]] = {
    # scripts/website/mkdocs/parallelpages.py: the two page loops on both cores
    "two-process pages": [
        ("mkdocs.commands.build", "_populate_page", ("page", "config", "files", "dirty")),
        ("mkdocs.commands.build", "_build_page", ("page", "config", "doc_files", "nav", "env", "dirty", "excluded")),
        ("mkdocs.structure.pages", "Page.render", ("self", "config", "files")),
        ("mkdocs.structure.pages", "Page._title_from_render", None),
        ("mkdocs.structure.pages", "Page.present_anchor_ids", None),
        ("mkdocs.structure.pages", "Page.links_to_anchors", None),
        ("material.plugins.search.plugin", "SearchIndex.entries", None),
    ],
    # scripts/website/mkdocs/searchhook.py: the site's own words kept whole by jieba, and jieba put back per build
    "search words": [
        ("material.plugins.search.plugin", "SearchIndex._segment_chinese", ("self", "data")),
        ("material.plugins.search.plugin", "SearchIndex.add_entry_from_context", ("self", "page")),
        ("jieba", "dt.FREQ", None),
        ("jieba", "dt.total", None),
        ("jieba", "dt.check_initialized", ()),
    ],
    # scripts/website/mkdocs/rebuildhook.py and rendercache.py: a serve rebuild reuses unchanged pages
    "rebuild reuse": [
        ("mkdocs.structure.pages", "Page.render", ("self", "config", "files")),
        ("mkdocs.structure.pages", "Page._title_from_render", None),
        ("mkdocs.structure.pages", "Page.present_anchor_ids", None),
    ],
}
# Names that are instance attributes: present in the class's source, set in __init__ or render, not on the class.
_INSTANCE_ATTRIBUTES = {"Page._title_from_render", "Page.present_anchor_ids", "Page.links_to_anchors",
                        "SearchIndex.entries"}


def missing(feature: str) -> list[str]:
    """The names a feature needs that are not there, or not of the shape it relies on ("module:attribute")."""
    return [f"{module}:{path}" for module, path, params in NEEDS[feature] if not _present(module, path, params)]


@functools.cache
def available(feature: str) -> bool:
    """Whether a feature may use its private names; the first time one is missing, one warning line says so."""
    gone = missing(feature)
    if gone:
        log.warning("mkdocs 内部接口变了（%s：缺少 %s），改用 mkdocs 的默认做法，网站照常生成。", feature, "、".join(gone))
    return not gone


def _present(module: str, path: str, params: tuple[str, ...] | None) -> bool:
    try:
        value = sys.modules.get(module) or __import__(module, fromlist=["_"])
    except ImportError:
        return False
    for part in path.split("."):
        if not hasattr(value, part):
            return path in _INSTANCE_ATTRIBUTES and part in _source(value)
        value = getattr(value, part)
    if params is None:
        return True
    try:
        names = tuple(inspect.signature(value).parameters)
    except (TypeError, ValueError):
        return False
    return names[: len(params)] == params


def _source(owner) -> str:
    try:
        return inspect.getsource(owner)
    except (OSError, TypeError):
        return ""


def thread_count() -> int:
    """Threads of this process, native ones included (a Rust or C library's threads are not in `threading`)."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()


def may_fork() -> bool:
    """A process may be forked only while it runs one thread: a lock another thread holds at the fork is held for
    ever in the copy, which then hangs."""
    return thread_count() == 1
