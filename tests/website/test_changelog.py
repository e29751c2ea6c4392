"""scripts.website.changelog: the change log is shown as escaped text with a small Markdown subset, never as markup."""

import html
import re

import pytest

from scripts.pipeline.build import build_site
from scripts.core.package import read_package
from scripts.website.changelog import changelog_page, inline, render

HOSTILE_CHANGELOG = """# 更新记录

## 0.2.0 {: onclick=alert(1) }

<script>alert(1)</script>
<img src=x onerror=alert(2)>
<iframe src="https://evil.example/"></iframe>

- [点我](javascript:alert(3))
- [官网](https://www.qz.gov.cn/)
"""


def test_headings_paragraphs_lists_bold_code_and_links():
    assert render("# 更新记录\n\n说明 **加粗** 和 `v1.0`\n续行\n\n- 一\n  续\n- [官网](https://www.qz.gov.cn/)\n\n1. 甲\n") == (
        "# 更新记录 {#changelog-1}\n\n"
        "<p>说明 <strong>加粗</strong> 和 <code>v1.0</code> 续行</p>\n"
        '<ul><li>一 续</li><li><a href="https://www.qz.gov.cn/" rel="noopener noreferrer">官网</a>'
        '<span class="link-host">（www.qz.gov.cn）</span></li></ul>\n'
        "<ol><li>甲</li></ol>"
    )


def test_heading_attribute_list_is_text():
    assert render("## 0.2.0 {: onclick=alert(1) }") == (
        "## 0&#46;2&#46;0 &#123;&#58; onclick&#61;alert&#40;1&#41; &#125; {#changelog-1}"
    )


def test_raw_html_is_escaped():
    assert render('<script>alert(1)</script>\n<iframe src="https://evil.example/"></iframe>') == (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;iframe src=&quot;https://evil.example/&quot;&gt;&lt;/iframe&gt;</p>"
    )


@pytest.mark.parametrize("source", ["[点我](javascript:alert(1))", "[x](data:text/html,hi)", "[x](//evil.example/)"])
def test_links_other_than_http_stay_text(source):
    assert inline(source) == html.escape(source, quote=True)


@pytest.fixture(scope="module")
def hostile_changelog_site(tmp_path_factory, cache_pool):
    from tests.conftest import pinned_package

    base = tmp_path_factory.mktemp("changelog")
    package = pinned_package(base / "package")
    (base / "package" / "data" / "CHANGELOG.md").write_text(HOSTILE_CHANGELOG, encoding="utf-8")
    # The validator refuses this change log; the build is asked to skip it to show the page is safe regardless.
    build_site(package, base / "site", cache_pool.warm(base / "work"), validate=False)
    cache_pool.keep(base / "work")  # the shipped site draws the same charts
    return (base / "site" / "changelog" / "index.html").read_text(encoding="utf-8")


def test_built_changelog_page_shows_the_payload_as_text(hostile_changelog_site):
    page = hostile_changelog_site
    article = page[page.index("<article"): page.index("</article>")]
    for live in ("<script>alert", "<img src=x", "<iframe", "onclick=", 'href="javascript:'):
        assert live not in article
    text = html.unescape(re.sub(r"<[^>]+>", "", article))
    for payload in ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>", '<iframe src="https://evil.example/"></iframe>',
                    "[点我](javascript:alert(3))", "0.2.0 {: onclick=alert(1) }"):
        assert payload in text
    assert '<a href="https://www.qz.gov.cn/" rel="noopener noreferrer">官网</a>' in article


def test_no_change_log_gives_a_plain_page(small_package):
    (small_package.parent / "data" / "CHANGELOG.md").unlink(missing_ok=True)
    page = changelog_page(read_package(small_package))
    assert (page.path, page.title, page.body) == ("changelog.md", "更新记录", "<p>暂无更新记录。</p>")


def test_a_change_log_that_links_out_of_the_package_is_not_read(small_package):
    log = small_package.parent / "data" / "CHANGELOG.md"
    log.unlink(missing_ok=True)
    log.symlink_to("/etc/passwd")
    package = read_package(small_package)
    assert package.changelog == ""  # never opened: validation reports the link
    assert changelog_page(package).body == "<p>暂无更新记录。</p>"


def test_an_autolink_is_a_link_with_its_host_and_other_schemes_stay_text():
    assert inline("见 <https://www.qz.gov.cn/a> 和 <javascript:alert(1)>") == (
        '见 <a href="https://www.qz.gov.cn/a" rel="noopener noreferrer">https://www.qz.gov.cn/a</a>'
        '<span class="link-host">（www.qz.gov.cn）</span> 和 &lt;javascript:alert(1)&gt;')
