"""scripts.site.markup and Page front matter: hostile text stays text, whatever characters it holds."""

import yaml

from scripts.site import markup as m
from scripts.site.pages import Page


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
