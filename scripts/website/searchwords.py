"""The search dictionary: the package's own names, kept whole by jieba and attached to their pages as search tags."""

from __future__ import annotations

import json
import re
from pathlib import Path

from scripts.core import files
from scripts.core.package import Package

# Why tags, and why each word also with its last character cut off: the theme's search worker splits a Chinese
# query into the longest index tokens it finds at each position, but never considers a token that ends at the
# query's last character (mkdocs-material 9.x, `segment()`), and then searches each piece as a prefix (`piece*`).
# So `市经信局` is searched as `市经信*` when the index holds a token `市经信`, and as `市*` (every unit) when it
# does not; the pieces that a result lacks are what the theme lists as "缺少". A page tagged with a word and its
# cut-off form is therefore found by the whole word, by one search term, and ranks first through the tags field.
# Not a two-character word: its cut-off form would be one character, and a query of two characters is searched as
# its first character alone (`高企` as `高*`) whenever that character is an index token, and whole otherwise.

# ---- the short forms people type: rules that derive them from names, and a table for the ones no rule derives ----
# Prefixes a short form drops: 市经信局 -> 经信局, 衢州市经济和信息化局 -> 经济和信息化局.
CITY_PREFIXES = ("衢州市", "市")
PARTY_PREFIX = "市委"
# What an office's name ends with, which people drop too: 经信局 -> 经信, 招商中心 -> 招商. Not 政府: a county
# government goes by its county's name, and that name belongs to the county's own page.
ORGAN_SUFFIXES = ("管委会", "办公室", "中心", "局", "委", "办")
# Abbreviations no rule derives: a page whose name holds the full form is also found by the short ones.
ALIASES = {
    "高新技术企业": ("高企",),
    "科技型中小企业": ("科小",),
}
# Words of the plan that jieba's general dictionary splits (亩均 -> 亩 / 均, 数字经济 -> 数字 / 经济); the
# quoted terms of the plan (“标准地”, “小巨人”, ...) are read from the package itself.
PLAN_TERMS = ("数字经济", "亩均", "高耗低效", "专精特新", "技改", "首台套", "单项冠军", "隐形冠军", "产业链", "创新链", "小微企业园")
QUOTED = re.compile(r"“([^“”]{2,20})”")
HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z&]*[A-Za-z]")  # R&D
CHARACTER_REFERENCE = re.compile(r"&(?=#?\w+;)")  # &lt; &#60; &#x3c;
AREA_BOOST = 2.0
WORD_FREQUENCY = 100000  # high enough that jieba keeps every dictionary word whole
SEARCH_WORDS = "search-words.json"  # in the stage dir: the dictionary's path and the tags of each page
USER_DICT = "search-dict.txt"  # in the stage dir: the jieba user dictionary


def search_plugin(config):
    """The site's search plugin in a loaded MkDocs config (mkdocs-material's), or None."""
    return next((config.plugins[name] for name in ("material/search", "search") if name in config.plugins), None)


def without_prefix(name: str) -> str:
    """The name without the city prefix: 市经信局 -> 经信局; 市委 (the city's party committee) is part of a name, not
    a prefix, and a name left with one character keeps its prefix."""
    if name.startswith(PARTY_PREFIX):
        return name
    prefix = next((p for p in CITY_PREFIXES if name.startswith(p)), "")
    return name[len(prefix):] if len(name) - len(prefix) >= 2 else name


def short_forms(name: str) -> list[str]:
    """A name, the same name without the city prefix, and that without its office suffix: ["市经信局", "经信局",
    "经信"]. Every form keeps at least two characters; a party office's name (市委…) is kept whole."""
    if name.startswith(PARTY_PREFIX):
        return [name]
    short = without_prefix(name)
    suffix = next((x for x in ORGAN_SUFFIXES if short.endswith(x) and len(short) - len(x) >= 2), "")
    return list(dict.fromkeys([name, short, short[: len(short) - len(suffix)]]))


def abbreviated(name: str) -> list[str]:
    """The full forms in ALIASES that a name holds, each with its abbreviations: 新增国家高新技术企业 ->
    ["高新技术企业", "高企"]. The full form too, so that a query the theme cuts down to its first character (高*)
    still matches the page's tags twice."""
    return [form for full, shorts in ALIASES.items() if full in name for form in (full, *shorts)]


def key_terms(package: Package) -> list[str]:
    """The plan's quoted terms (Chinese runs of two or more characters) and its words that jieba would split."""
    texts = [t[column] or "" for t in package.rows("tasks") for column in ("title", "text")]
    texts += [i["name"] for i in package.rows("indicators")]
    quoted = [run for text in texts for phrase in QUOTED.findall(text) for run in HAN_RUN.findall(phrase) if len(run) >= 2]
    return list(dict.fromkeys([*PLAN_TERMS, *quoted]))


def page_words(package: Package) -> dict[str, list[str]]:
    """Page URL -> the words that page is found by: a unit's name and full name with their short forms, an
    area's name, an indicator's name with its Latin words (R&D), the key terms and abbreviations in it, and the
    key terms in a task's title and text with the abbreviations in its title."""
    from scripts.website.pages.page import area_path, indicator_path, task_path, unit_path

    terms = key_terms(package)
    words: dict[str, list[str]] = {}
    for unit in package.rows("units"):
        words[unit_path(unit["id"])] = [form for name in (unit["name"], unit["full_name"]) for form in short_forms(name)]
    for area in package.rows("areas"):
        words[area_path(area["id"])] = [area["name"]]
    for indicator in package.rows("indicators"):
        name = indicator["name"]
        words[indicator_path(indicator["id"])] = [name, *LATIN_WORD.findall(name), *(t for t in terms if t in name), *abbreviated(name)]
    for task in package.rows("tasks"):
        text = f"{task['title']} {task['text'] or ''}"
        words[task_path(task["id"])] = [*(t for t in terms if t in text), *abbreviated(task["title"])]
    return {url: list(dict.fromkeys(forms)) for url, forms in words.items() if forms}


def dictionary(package: Package) -> list[str]:
    """Every word jieba must keep whole: unit names without the city prefix, area names and the key terms.

    Without the prefix, so that the text 市经信局 is indexed as 市 / 经信局 and the short form people type (经信局,
    经信) finds every page that names the unit. Not indicator names: lunr matches a token from its start only, so a
    name indexed as one token (省级重点企业研究院县域全覆盖) could no longer be found by a word inside it (覆盖).
    """
    names = [without_prefix(name) for unit in package.rows("units") for name in (unit["name"], unit["full_name"])]
    names += [area["name"] for area in package.rows("areas")]
    return [w for w in dict.fromkeys([*names, *key_terms(package)]) if HAN_RUN.fullmatch(w)]


def page_tags(words: list[str]) -> list[str]:
    """A page's search tags: its words, and each of them without its last character (see the module docstring).

    Escaped: the theme's search worker returns tags as HTML (with <mark> around matches) and the result list
    inserts that HTML as element content, so a tag must not make markup. Only what could: < and >, and an & that
    starts a character reference. A plain & stays, because the worker matches the tag's text as written: `R&D`
    finds the tag R&D, not R&amp;D.
    """
    words = [" ".join(w.split()) for w in words]
    tags = [w[:-1] if cut else w for w in words for cut in (False, True) if not cut or len(w) >= 3]
    return [_escape_tag(t) for t in dict.fromkeys(tags) if t.strip()]


def _escape_tag(tag: str) -> str:
    return CHARACTER_REFERENCE.sub("&amp;", tag).replace("<", "&lt;").replace(">", "&gt;")


def page_boosts(package: Package) -> dict[str, float]:
    """Area pages count double: 柯城区 is first the district's page, then 柯城区政府 (whose tags also begin 柯城)."""
    from scripts.website.pages.page import area_path

    return {area_path(area["id"]): AREA_BOOST for area in package.rows("areas")}


def write_search_words(package: Package, stage_dir: Path) -> Path:
    """Write the jieba user dictionary and the search tags of each page into stage_dir; return the JSON file's path."""
    user_dict = files.write_text(stage_dir / USER_DICT, "".join(f"{w} {WORD_FREQUENCY}\n" for w in dictionary(package)))
    payload = {"user_dict": str(user_dict), "tags": {url: page_tags(w) for url, w in page_words(package).items()},
               "boost": page_boosts(package)}
    return files.write_text(stage_dir / SEARCH_WORDS, json.dumps(payload, ensure_ascii=False, indent=1))
