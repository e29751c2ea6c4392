"""scripts.website.markup and Page front matter: hostile text stays text, whatever characters it holds."""

import html

import pytest
import yaml
from markupsafe import Markup

from scripts.website import markup as m
from scripts.website.pages import Page
from scripts.website.pages.page import join


def front_matter(markdown: str) -> dict:
    head, _, _ = markdown.removeprefix("---\n").partition("\n---\n")
    return yaml.safe_load(head)


def test_c1_control_in_a_title_cannot_break_the_front_matter():
    # U+0085 made PyYAML refuse the front matter; MkDocs then rendered the title line as Markdown (a live link).
    page = Page("indicators/x.md", "腾笼\u0085[点我](javascript:alert(1))", "正文")
    markdown = page.markdown()
    assert markdown.split("\n---\n")[0].isascii()
    assert front_matter(markdown) == {"title": "腾笼\ufffd[点我](javascript:alert(1))"}


def test_noncharacters_and_lone_surrogates_are_replaced():
    page = Page("x.md", "a\ufffeb\uffffc\ud800d", "")
    assert front_matter(page.markdown()) == {"title": "a\ufffdb\ufffdc\ufffdd"}


def test_text_escapes_markup_and_replaces_controls():
    assert m.text('<script>alert("x")</script>') == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
    assert m.text("a\x00b\x9fc") == "a\ufffdb\ufffdc"
    assert m.text("第一行\n第二行") == "第一行<br>第二行"
    assert m.text(None) == ""


def test_safe_url_accepts_only_http():
    assert m.safe_url("https://kjt.zj.gov.cn/art/x.html") == "https://kjt.zj.gov.cn/art/x.html"
    assert m.safe_url("javascript:alert(1)") is None
    assert m.safe_url("//evil.example/x") is None
    assert m.source_link("来源", "javascript:alert(1)") == "来源（javascript:alert(1)）"


def test_heading_turns_punctuation_into_entities():
    assert m.heading(2, "[x](javascript:y)", "clause") == "## &#91;x&#93;&#40;javascript&#58;y&#41; {#clause}"


# ---- "already escaped" is a type: every builder returns Markup and escapes what is not Markup ----------------

HOSTILE = [
    '<script>alert("x")</script>',
    "<img src=x onerror=alert(1)>",
    "\"' onmouseover='alert(1)",
    "&amp; &lt;",
    "# 标题\n    缩进\n- 列表",
]


def builders(value):
    """Every builder fed the same hostile value wherever it takes text or HTML."""
    return {
        "text": m.text(value),
        "link": m.link(value, "../x/", title=value),
        "source_link": m.source_link(value, "https://example.org/a"),
        "source_link without url": m.source_link(value, value),
        "tag": m.tag("p", value, class_=value),
        "table": m.table([value], [[value]], caption=value),
        "status_badge": m.status_badge(value, value),
        "block": m.block(value, css="c"),
        "html_join": m.html_join([value, value], "、"),
        "heading": m.heading(2, value, "x"),
    }


def test_every_builder_returns_markup_without_live_markup():
    for value in HOSTILE:
        for name, built in builders(value).items():
            assert isinstance(built, Markup), name
            # Template syntax is not markup: generated pages never reach Jinja (mkdocs-macros renders only hand-written ones).
            for live in ("<script", "<img", "onmouseover='", '" onmouseover', "\n#", "\n    ", "\n-"):
                assert live not in built, (name, value, live)


def test_text_keeps_markup_as_it_is_and_escapes_a_str_once():
    assert m.text(Markup("<b>粗</b>")) == "<b>粗</b>"
    assert m.text("&amp;") == "&amp;amp;"  # data that says &amp; is shown as typed
    assert m.text(m.text("&amp;")) == "&amp;amp;"
    assert m.text("a'b") == "a&#x27;b"


def test_table_escapes_a_str_cell_and_keeps_a_markup_cell():
    html = m.table(["名称<"], [["<b>x</b>", m.link("链接", "../a/"), m.text("&amp;")]], caption="说明&")
    assert html == (
        '<div class="table-wrap"><table class="data"><caption>说明&amp;</caption>'
        '<thead><tr><th scope="col">名称&lt;</th></tr></thead>'
        '<tbody><tr><td>&lt;b&gt;x&lt;/b&gt;</td><td><a href="../a/">链接</a></td><td>&amp;amp;</td></tr></tbody></table></div>'
    )


def test_link_escapes_label_href_and_title_and_keeps_a_markup_label():
    assert m.link("<i>x</i>", 'https://a.org/?q="1"&b', external=True, title="t'") == (
        '<a title="t&#x27;" href="https://a.org/?q=&quot;1&quot;&amp;b" rel="noopener noreferrer">&lt;i&gt;x&lt;/i&gt;</a>'
    )
    assert m.link(Markup("<code>v1</code>"), "../v1/") == '<a href="../v1/"><code>v1</code></a>'


def test_source_link_without_a_http_url_shows_both_escaped():
    assert m.source_link("<b>", "javascript:alert('1')") == "&lt;b&gt;（javascript:alert(&#x27;1&#x27;)）"
    assert m.source_link("统计局", "https://tjj.qz.gov.cn/") == (
        '<a href="https://tjj.qz.gov.cn/" rel="noopener noreferrer">统计局</a><span class="link-host">（tjj.qz.gov.cn）</span>'
    )


@pytest.mark.parametrize("url", ["https://www.qz.gov.cn@evil.example/", "https://www.qz.gov.cn．evil.example/",
                                 "java\tscript:alert(1)", "//evil.example/", "https://www.qz.g\u043ev.cn/"])
def test_a_deceptive_source_address_is_shown_as_text_not_linked(url):
    assert m.source_link("来源", url) == f"来源（{html.escape(url, quote=True)}）"


def test_inert_html_keeps_tags_and_entities_and_turns_text_punctuation_into_entities():
    fragment = m.source_link("《标题[点我](javascript:alert(1))》", "https://www.qz.gov.cn/a?b=1&c=2")
    assert m.inert(fragment) == (
        '<a href="https://www.qz.gov.cn/a?b=1&amp;c=2" rel="noopener noreferrer">'
        "《标题&#91;点我&#93;&#40;javascript&#58;alert&#40;1&#41;&#41;》</a>"
        '<span class="link-host">（www&#46;qz&#46;gov&#46;cn）</span>')
    assert m.inert("**粗** {: onclick=x} <b> &") == "&#42;&#42;粗&#42;&#42; &#123;&#58; onclick&#61;x&#125; &lt;b&gt; &amp;"


def test_tag_escapes_str_content_and_attributes_and_keeps_markup_content():
    assert m.tag("li", "<b>", data_name='a"b', title=None) == '<li data-name="a&quot;b">&lt;b&gt;</li>'
    assert m.tag("li", m.tag("strong", "粗")) == "<li><strong>粗</strong></li>"


def test_status_badge_escapes_code_and_label():
    assert m.status_badge('x"y', "<达成>") == '<span class="status status--x&quot;y">&lt;达成&gt;</span>'


def test_html_join_escapes_items_not_the_separator():
    assert m.html_join(["<a>", Markup("<b>c</b>")], "<br>") == "&lt;a&gt;<br><b>c</b>"


def test_block_keeps_headings_apart_and_a_str_part_becomes_an_escaped_paragraph():
    html = m.block(m.heading(2, "标题", "t"), Markup("<p>已转义</p>"), "# 不是标题\n<b>", css="c")
    assert html == '<div class="c">\n## 标题 {#t}\n\n<p>已转义</p>\n<p># 不是标题<br>&lt;b&gt;</p>\n</div>'


def test_heading_is_markup_and_a_block_part():
    heading = m.heading(3, "<R&D>", "x")
    assert isinstance(heading, m.Heading) and isinstance(heading, Markup)
    assert heading == "### &#60;R&#38;D&#62; {#x}"


def test_markup_passes_through_builders_once():
    # A link inside a tag inside a table cell inside a block: each level adds its markup and escapes nothing twice.
    cell = m.tag("span", m.link("A&B", "../a/"))
    html = m.block(m.table(["列"], [[cell]]))
    assert '<td><span><a href="../a/">A&amp;B</a></span></td>' in html
    assert "&amp;amp;" not in html and "&lt;" not in html


def test_a_page_body_from_a_forgotten_str_is_escaped():
    assert join([Markup("<p>好</p>"), "", "<script>x</script>"]) == "<p>好</p>\n\n<p>&lt;script&gt;x&lt;/script&gt;</p>"
