"""MkDocs hook: hands the search dictionary (scripts/website/searchwords.py) to the search plugin and tags the pages."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from mkdocs.plugins import event_priority

from scripts.website.mkdocs import internals
from scripts.website.mkdocs.rebuildcache import BuildMemo, cached_entries, cached_segmentation, keeping
from scripts.website.searchwords import search_plugin

_words: dict = {}
_before: dict[str, int] = {}  # jieba's own frequency of each word the last build's dictionary set
_before_total: list[int] = []  # jieba's total of all frequencies before that dictionary was loaded
# Kept for the life of the process: `make serve` rebuilds in the same process, and most pages are unchanged.
_segments = BuildMemo()
_entries = BuildMemo()


@event_priority(100)  # before the search plugin's on_config, which loads its jieba dictionaries
def on_config(config):
    _words.clear()
    # jieba's word counts are private: without them each build's words stay for the next one in this process
    # (only `make serve` and the tests build twice in one process); the dictionary itself is the theme's option.
    private = internals.available("search words")
    if private:
        _forget_last_dictionary()
    path = config.extra.get("search_words")
    if not path:  # mkdocs run on docs/ alone: no dictionary, the theme's defaults
        return config
    _words.update(json.loads(Path(path).read_text(encoding="utf-8")))
    user_dict = Path(_words["user_dict"])
    if private:
        _remember_frequencies(user_dict)
    dictionary = hashlib.sha256(user_dict.read_bytes()).hexdigest()  # segmentation depends on it
    _segments.start_build(dictionary)
    _entries.start_build(dictionary)
    plugin = search_plugin(config)
    if plugin is not None:
        plugin.config["jieba_dict_user"] = _words["user_dict"]
    return config


def on_pre_build(config):
    """Unchanged pages are not indexed again, nor unchanged text segmented by jieba again (the search plugin made
    its index in its own on_config)."""
    plugin = search_plugin(config)
    index = getattr(plugin, "search_index", None)
    if index is not None and _words and keeping() and internals.available("search words"):
        index._segment_chinese = cached_segmentation(_segments, index._segment_chinese)
        index.add_entry_from_context = cached_entries(_entries, index)


def on_page_markdown(markdown, page, config, files):
    """The page's names and key terms become its `tags`, the field the search plugin boosts most; an area page
    gets a document boost."""
    tags = _words.get("tags", {}).get(page.url)
    if tags:
        page.meta["tags"] = tags
    boost = _words.get("boost", {}).get(page.url)
    if boost:
        page.meta["search"] = {**(page.meta.get("search") or {}), "boost": boost}
    return markdown


def _remember_frequencies(user_dict: Path) -> None:
    """jieba's dictionary is one per process: note what this build's words were before, to undo them next build
    (a test session builds several packages; one package's names must not split the next one's text)."""
    import jieba

    jieba.dt.check_initialized()
    _before_total[:] = [jieba.dt.total]
    for line in user_dict.read_text(encoding="utf-8").splitlines():
        word = line.split(" ")[0]
        _before.setdefault(word, jieba.dt.FREQ.get(word, 0))


def _forget_last_dictionary() -> None:
    """jieba as it was before the last build's dictionary: each word's frequency, and the total they are divided by
    (jieba.add_word only ever adds to it). Otherwise every build in a process segments with a larger total than
    the last, and a rebuild could split a word that a fresh build keeps whole."""
    if not _before:
        return
    import jieba

    for word, frequency in _before.items():
        jieba.dt.FREQ[word] = frequency  # 0: no longer a word
    jieba.dt.total = _before_total[0]
    _before.clear()


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config):
    """The search index with Chinese written as itself, not as \\uXXXX escapes: about half the bytes each reader
    downloads on the first page they open, on a slow network. The data and its escaping are unchanged."""
    path = Path(config["site_dir"]) / "search" / "search_index.json"
    if path.is_file():
        data = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
