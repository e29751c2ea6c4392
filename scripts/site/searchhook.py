"""MkDocs hook: hands the search dictionary (scripts/site/searchwords.py) to the search plugin and tags the pages."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority

_words: dict = {}


@event_priority(100)  # before the search plugin's on_config, which loads its jieba dictionaries
def on_config(config):
    _words.clear()
    path = config.extra.get("search_words")
    if not path:  # mkdocs run on docs/ alone: no dictionary, the theme's defaults
        return config
    _words.update(json.loads(Path(path).read_text(encoding="utf-8")))
    for name in ("material/search", "search"):
        if name in config.plugins:
            config.plugins[name].config["jieba_dict_user"] = _words["user_dict"]
    return config


def on_page_markdown(markdown, page, config, files):
    """The page's names and key terms become its `tags`, the field the search plugin boosts most."""
    tags = _words.get("tags", {}).get(page.url)
    if tags:
        page.meta["tags"] = tags
    return markdown
