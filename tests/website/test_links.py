"""Links of each built site: no broken internal link or anchor, every page reachable, nothing loaded from elsewhere."""

from __future__ import annotations

import csv
import io
import posixpath
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytest.register_assert_rewrite("tests.sitefixtures")
from tests.conftest import on_site  # noqa: E402
from tests.sitefixtures import Site, serve  # noqa: E402 - after the rewrite hook, so the plugin's asserts are rewritten too

pytestmark = pytest.mark.browser

LINKCHECKER = Path(sys.executable).with_name("linkchecker")
SITES = ["shipped", "small", "hostile"]

# LinkChecker follows only links on 127.0.0.1 and checks only the syntax of every other URL:
# nothing outside can be reached from here, and the site's external links are sources, not ours to test.
# Anchors are checked from the built files by static_broken_links below, on the same sites: LinkChecker's
# AnchorCheck downloads and parses a page again for every distinct "page#anchor" link (780 URLs for 141 pages),
# which made this one test take 27 s instead of 7 s.
LINKCHECKER_CONFIG = """\
[checking]
maxrequestspersecond=1000
[filtering]
checkextern=0
ignore=
  ^(?!http://127\\.0\\.0\\.1[:/])
"""


def run_linkchecker(site: Site, tmp_path: Path) -> list[dict]:
    """Crawl the served site from its home page; one row per URL checked (LinkChecker's verbose CSV)."""
    assert LINKCHECKER.exists(), f"找不到 {LINKCHECKER}：请运行 `make test`，它会安装 requirements.txt 里的 LinkChecker。"
    config = tmp_path / "linkcheckerrc"
    config.write_text(LINKCHECKER_CONFIG, encoding="utf-8")
    result = subprocess.run(
        [str(LINKCHECKER), "--config", str(config), "--no-status", "--verbose", "--output", "csv/utf-8", site.url],
        capture_output=True, text=True, encoding="utf-8", timeout=300,
    )
    header = result.stdout.find("urlname;")
    assert header >= 0, f"LinkChecker 没有输出结果（退出码 {result.returncode}）：\n{result.stdout}\n{result.stderr}"
    rows = list(csv.DictReader(io.StringIO(result.stdout[header:]), delimiter=";"))
    return [row for row in rows if row.get("url") is not None and not row["urlname"].startswith("# Stopped")]


def broken_links(rows: list[dict]) -> list[str]:
    """Links that fail."""
    return [
        f"{row['parentname']} -> {row['urlname']}: {row['result']} {row['warningstring']}".strip()
        for row in rows
        if row["valid"] != "True"
    ]


def page_path(root: Path, index: Path) -> str:
    """The URL path of a built page: index.html -> '', tasks/policy-1/index.html -> 'tasks/policy-1/'."""
    directory = index.parent.relative_to(root).as_posix()
    return "" if directory == "." else directory + "/"


def test_linkchecker_finds_no_broken_link_on_the_shipped_site(shipped_site, tmp_path):
    """LinkChecker crawls the published site over HTTP from its home page (anchors, and the other sites: the
    static check below)."""
    site = shipped_site
    rows = run_linkchecker(site, tmp_path)
    broken = broken_links(rows)
    assert not broken, "断开的链接：\n" + "\n".join(broken)
    # Every URL elsewhere was only syntax-checked: LinkChecker never tried to reach it.
    reached_outside = [row["url"] for row in rows if urlsplit(row["url"]).hostname not in (None, "127.0.0.1") and row["result"] != "filtered"]
    assert not reached_outside, "LinkChecker 访问了外部地址：\n" + "\n".join(reached_outside)
    # Every built page is reachable by following links from the home page.
    checked = {urlsplit(row["url"])._replace(query="", fragment="").geturl() for row in rows}
    pages = {site.page_url(page_path(site.root, path)) for path in site.root.rglob("index.html")}
    unreachable = sorted(page for page in pages if page not in checked)
    assert not unreachable, "从首页沿链接到不了的页面：\n" + "\n".join(unreachable)
    assert len(checked) > len(pages), "LinkChecker 检查的地址少于页面数，爬取没有进行"


# ---- the same check read from the built files: every link and anchor of every page, in a second ------------------


class LinksAndIds(HTMLParser):
    """The href/src of a page's links and resources, and the ids (and names) its elements carry."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("id", "name") if tag != "meta" else ():
            if attributes.get(name):
                self.ids.add(attributes[name])
        for name in ("href", "src"):
            if attributes.get(name) and not (tag == "link" and attributes.get("rel") == "canonical"):
                self.links.append(attributes[name])


def static_broken_links(root: Path) -> tuple[list[str], set[str]]:
    """Links between the built files that lead nowhere, or to an anchor the target page lacks; and the pages
    reached from the home page by following links (paths relative to root, e.g. 'tasks/policy-1/index.html')."""
    files = {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}
    parsed: dict[str, LinksAndIds] = {}

    def page(name: str) -> LinksAndIds:
        if name not in parsed:
            parser = LinksAndIds()
            parser.feed((root / name).read_text(encoding="utf-8"))
            parsed[name] = parser
        return parsed[name]

    broken: list[str] = []
    edges: dict[str, set[str]] = {}
    for source in sorted(name for name in files if name.endswith(".html")):
        for link in page(source).links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith("//") or parts.path.startswith("/"):
                continue  # another host (syntax only, as LinkChecker), or an absolute path the site never uses
            target = posixpath.normpath(posixpath.join(posixpath.dirname(source), parts.path)) if parts.path else source
            if target not in files and posixpath.join(target, "index.html") in files:
                target = posixpath.join(target, "index.html")
            if target == ".":
                target = "index.html"
            if target not in files:
                broken.append(f"{source} -> {link}")
                continue
            if target.endswith(".html"):
                edges.setdefault(source, set()).add(target)
                if parts.fragment and parts.fragment not in page(target).ids:
                    broken.append(f"{source} -> {link}（没有这个锚点）")
    reached, todo = set(), ["index.html"]
    while todo:
        current = todo.pop()
        if current not in reached:
            reached.add(current)
            todo.extend(edges.get(current, ()))
    return broken, reached


@pytest.mark.parametrize("name", [on_site(name, name) for name in SITES])
def test_no_broken_link_or_anchor(name, request):
    site: Site = request.getfixturevalue(f"{name}_site")
    broken, reached = static_broken_links(site.root)
    assert not broken, "断开的链接或锚点：\n" + "\n".join(broken)
    pages = {path.relative_to(site.root).as_posix() for path in site.root.rglob("index.html")}
    unreached = sorted(pages - reached)
    assert not unreached, "从首页沿链接到不了的页面：\n" + "\n".join(unreached)


def broken_site(root: Path, extra_link: str = "") -> Path:
    """Two pages with a missing page, a missing anchor on another page and one on the same page."""
    (root / "a").mkdir(parents=True)
    (root / "index.html").write_text(
        '<h1 id="top">首页</h1><a href="a/#part">ok</a> <a href="a/#missing">1</a> <a href="#nowhere">2</a> '
        f'<a href="b/">3</a> <a href="https://example.org/">outside</a>{extra_link}',
        encoding="utf-8",
    )
    (root / "a" / "index.html").write_text('<h2 id="part">A</h2><a href="../#top">back</a>', encoding="utf-8")
    return root


def test_the_static_check_sees_broken_links_and_anchors(tmp_path):
    root = broken_site(tmp_path / "site", ' <a href="../../etc/passwd">4</a>')
    (root / "c").mkdir()
    (root / "c" / "index.html").write_text("<p>no page links here</p>", encoding="utf-8")
    broken, reached = static_broken_links(root)
    assert sorted(reached) == ["a/index.html", "index.html"]
    assert broken == ["index.html -> a/#missing（没有这个锚点）", "index.html -> #nowhere（没有这个锚点）",
                      "index.html -> b/", "index.html -> ../../etc/passwd"]


def test_linkchecker_sees_broken_links(tmp_path):
    """The crawl above would notice a missing page (the static check, a missing anchor: tested above)."""
    root = broken_site(tmp_path / "site")
    server, url = serve(root)
    try:
        rows = run_linkchecker(Site("broken", root, url, root), tmp_path)
    finally:
        server.shutdown()
        server.server_close()
    assert [line.split(" -> ")[1].split(":")[0] for line in broken_links(rows)] == ["b/"]
    assert [row["result"] for row in rows if row["url"].startswith("https://example.org")] == ["filtered"]


# ---- nothing is loaded from elsewhere ---------------------------------------------

# Attributes whose URL the browser loads by itself (a link's href is followed only when clicked).
LOADED = {
    "script": ["src"], "img": ["src", "srcset"], "source": ["src", "srcset"], "iframe": ["src"], "frame": ["src"],
    "embed": ["src"], "object": ["data"], "video": ["src", "poster"], "audio": ["src"], "track": ["src"],
    "input": ["src"], "image": ["href", "xlink:href"], "use": ["href", "xlink:href"], "feimage": ["href", "xlink:href"],
}
# <link rel=...> values that only name another page; every other <link> loads what it points to.
NAVIGATION_RELS = {"next", "prev", "canonical", "alternate", "author", "license", "help", "search"}
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.IGNORECASE)


def leaves_site(url: str) -> bool:
    """True for a URL with a scheme or host of its own (http:, https:, //host, javascript:, ...); data: stays."""
    url = url.strip()
    parts = urlsplit(url)
    return parts.scheme not in ("", "data") or url.startswith("//")


def css_urls(text: str) -> list[str]:
    return [match.group(2) or match.group(4) for match in CSS_URL.finditer(text)]


class LoadedUrls(HTMLParser):
    """Every URL a page loads without being clicked: resource attributes, <link> resources, CSS url()."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str]] = []  # (element, url)
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in LOADED.get(tag, []):
            value = attributes.get(name)
            if value:
                urls = [part.strip().split(" ")[0] for part in value.split(",")] if name == "srcset" else [value]
                self.urls += [(f"<{tag} {name}>", url) for url in urls if url]
        if tag == "link" and attributes.get("href"):
            rels = set((attributes.get("rel") or "").lower().split())
            if not rels <= NAVIGATION_RELS or not rels:
                self.urls.append((f"<link rel={attributes.get('rel')}>", attributes["href"]))
        if attributes.get("style"):
            self.urls += [(f"<{tag} style>", url) for url in css_urls(attributes["style"])]
        self.in_style = tag == "style"

    def handle_endtag(self, tag):
        self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            self.urls += [("<style>", url) for url in css_urls(data)]


def outside_resources(root: Path) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.html")):
        parser = LoadedUrls()
        parser.feed(path.read_text(encoding="utf-8"))
        found += [f"{path.relative_to(root)}: {element} {url}" for element, url in parser.urls if leaves_site(url)]
    for path in sorted(root.rglob("*.css")):
        found += [f"{path.relative_to(root)}: url({url})" for url in css_urls(path.read_text(encoding="utf-8")) if leaves_site(url)]
    return found


@pytest.mark.parametrize("name", [on_site(name, name) for name in SITES])
def test_nothing_is_loaded_from_elsewhere(name, request):
    site: Site = request.getfixturevalue(f"{name}_site")
    found = outside_resources(site.root)
    assert not found, "样式表、脚本、字体、图片或框架指向站外：\n" + "\n".join(found)


def test_resource_check_sees_outside_urls(tmp_path):
    """The checker above would notice a web font, a CDN script or a remote image."""
    (tmp_path / "index.html").write_text(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto"><link rel="next" href="https://example.org/">'
        '<script src="//cdn.example.org/x.js"></script><img src="charts/a.svg" srcset="a.png 1x, https://example.org/b.png 2x">'
        '<div style="background: url(\'http://example.org/c.png\')"></div><style>@import "https://example.org/d.css";</style>',
        encoding="utf-8",
    )
    (tmp_path / "extra.css").write_text("@font-face { src: url(https://example.org/f.woff2) } a { background: url(data:image/png;base64,AAAA) }", encoding="utf-8")
    assert outside_resources(tmp_path) == [
        "index.html: <link rel=stylesheet> https://fonts.googleapis.com/css?family=Roboto",
        "index.html: <script src> //cdn.example.org/x.js",
        "index.html: <img srcset> https://example.org/b.png",
        "index.html: <div style> http://example.org/c.png",
        "index.html: <style> https://example.org/d.css",
        "extra.css: url(https://example.org/f.woff2)",
    ]


SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


@pytest.mark.parametrize("name", [on_site(name, name) for name in SITES])
def test_charts_load_and_run_nothing(name, request):
    """A chart opened on its own is a document too: no script, no handler, no outside reference."""
    site: Site = request.getfixturevalue(f"{name}_site")
    problems = []
    charts = sorted((site.root / "charts").glob("*.svg"))
    for path in charts:
        for element in ET.parse(path).iter():
            tag = element.tag.removeprefix(SVG)
            if tag in ("script", "foreignObject", "iframe"):
                problems.append(f"{path.name}: <{tag}>")
            for attribute, value in element.attrib.items():
                if attribute.lower().startswith("on"):
                    problems.append(f"{path.name}: <{tag} {attribute}>")
                if attribute in ("href", XLINK_HREF) and leaves_site(value):
                    problems.append(f"{path.name}: <{tag} href={value}>")
            if tag == "style" and element.text:
                problems += [f"{path.name}: url({url})" for url in css_urls(element.text) if leaves_site(url)]
    assert charts, f"{site.name} 网站没有图表（charts/*.svg）"
    assert not problems, "\n".join(problems)
