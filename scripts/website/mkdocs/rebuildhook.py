"""MkDocs hook: what a `make serve` rebuild reuses from the last build in the same process (scripts/website/mkdocs/rendercache.py)."""

from __future__ import annotations

from mkdocs.plugins import event_priority

from scripts.website.mkdocs.rebuildcache import BuildMemo, TemplateCache, keeping
from scripts.website.mkdocs.rendercache import CachedTemplate, cached_render, markdown_signature, page_signature

# Kept for the life of the process; each memo holds at most the last two builds' pages.
_markdown = BuildMemo()
_pages = BuildMemo()
_templates = TemplateCache()
_nav: list = []


@event_priority(-100)  # after every other plugin has added its files
def on_files(files, config):
    _markdown.start_build(markdown_signature(config, files) if keeping() else "")  # not keeping: emptied
    return files


def on_nav(nav, config, files):
    _nav[:] = [nav]
    return nav


def on_pre_page(page, config, files):
    """Markdown to HTML only for pages whose Markdown (after the other hooks) or address changed."""
    if keeping():
        page.render = cached_render(_markdown, page, page.render)
    return page


def on_env(env, config, files):
    """Compiled templates are reused (Jinja checks each one's source), and a page's HTML is the last build's when
    nothing the template reads has changed. The navigation is complete here: every page has its title."""
    env.bytecode_cache = _templates
    if not keeping():
        _pages.start_build("")  # emptied
        return env
    _pages.start_build(page_signature(config, files, _nav.pop()))
    get_template = env.get_template

    def get_page_template(name, parent=None, globals=None):
        template = get_template(name, parent, globals)
        return template if parent is not None else CachedTemplate(template, _pages, _pages.context)

    env.get_template = get_page_template
    return env
