"""scripts.core.urls: every rule for the addresses readers are sent to, in one place; each shape and its cause."""

import pytest

from scripts.core.urls import checked_url, host, source_problem, url_problem


@pytest.mark.parametrize("url, expected", [
    ("https://www.qz.gov.cn/art/2022/2/25/art_1229037075_2394524.html", None),
    ("http://tjj.qz.gov.cn/art/2023/3/1/x.html?id=1#p2", None),
    ("https://WWW.QZ.GOV.CN/A.HTML", None),
    ("HTTPS://www.qz.gov.cn/", ("url-scheme-case", {"scheme": "HTTPS", "fixed": "https://www.qz.gov.cn/"})),
    ("https://[::1]/x", ("url-bad-host", {"host": "[::1]"})),
    ("https://www.qz.gov.cn/新闻/一.html", None),
    ("https://tjj.qz.gov.cn:8443/x", None),
    ("https://例子.中国/", None),  # an address in one script is what it looks like
    # The shapes, each with its own cause.
    ("www.qz.gov.cn/art/2022/2/25/a.html", ("url-no-scheme", {"fixed": "https://www.qz.gov.cn/art/2022/2/25/a.html"})),
    ("//evil.example/p", ("url-no-scheme", {"fixed": "https://evil.example/p"})),
    ("java\tscript:alert(1)", ("url-scheme", {"scheme": "javascript", "hidden": True})),
    ("javascript:alert(document.domain)", ("url-scheme", {"scheme": "javascript", "hidden": False})),
    (" JavaScript:alert(1)", ("url-scheme", {"scheme": "javascript", "hidden": True})),
    ("data:text/html,<script>alert(1)</script>", ("url-scheme", {"scheme": "data", "hidden": False})),
    ("[点我](javascript:alert(document.domain))", ("url-not-http", {})),
    ("https://www.qz.gov.cn@evil.example/a.html", ("url-userinfo", {"userinfo": "www.qz.gov.cn", "host": "evil.example"})),
    ("https://user:pw@evil.example:443/", ("url-userinfo", {"userinfo": "user:pw", "host": "evil.example"})),
    ("https://www.qz.gov.cn．evil.example/", ("url-lookalike-dot", {"dot": "．", "real": "www.qz.gov.cn.evil.example"})),
    ("https://www.qz.gov.cn。evil.example/", ("url-lookalike-dot", {"dot": "。", "real": "www.qz.gov.cn.evil.example"})),
    ("https://www.qz.gov.cn｡evil.example/", ("url-lookalike-dot", {"dot": "｡", "real": "www.qz.gov.cn.evil.example"})),
    ("https://www.qz.gоv.cn/", ("url-mixed-script", {"label": "gоv", "scripts": ["CYRILLIC", "LATIN"]})),  # Cyrillic о
    # One script throughout, but every letter a look-alike of a Latin one: the host beside the link would read apple.com.
    ("https://аррӏе.com/", ("url-lookalike-label", {"label": "аррӏе", "looks_like": "appie"})),  # Cyrillic а р ӏ е
    ("https://www.qz.gov.cn.ео/", ("url-lookalike-label", {"label": "ео", "looks_like": "eo"})),  # Cyrillic е о
    ("https://москва.рф/", None),  # Cyrillic that reads as Cyrillic is what it looks like
    ("https://ｑｚ.gov.cn/", ("url-full-width", {"host": "ｑｚ.gov.cn", "fixed": "qz.gov.cn"})),
    ("https://www.qz.gov.cn\\@evil.example/", ("url-backslash", {})),
    ("https:www.qz.gov.cn", ("url-no-slashes", {"scheme": "https"})),
    ("https://a b.cn/", ("url-space", {"chars": [" "]})),
    ("https://www.qz.gov.cn/\u200b", ("url-space", {"chars": ["\u200b"]})),
    ("https://www.qz.gov.cn:80x/", ("url-bad-port", {"port": "80x"})),
    ("https://localhost/", ("url-bad-host", {"host": "localhost"})),
    ("https:///etc/passwd", ("url-bad-host", {"host": ""})),
    ("来源网页", ("url-not-http", {})),
])
def test_each_address_shape_has_its_cause(url, expected):
    assert url_problem(url) == expected


def test_the_site_links_only_to_checked_addresses_and_shows_their_host():
    assert checked_url("https://www.qz.gov.cn/a.html") == "https://www.qz.gov.cn/a.html"
    assert checked_url("https://www.qz.gov.cn@evil.example/") is None
    assert checked_url("https://аррӏе.com/") is None
    assert checked_url(None) is None and checked_url(["https://x.cn/"]) is None
    assert host("https://WWW.QZ.gov.cn:8443/a") == "www.qz.gov.cn"


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.baidu.com/link?url=AbCdEfG&wd=&eqid=9f8e", ("url-search-redirect", {"engine": "百度"})),
    ("http://m.baidu.com/link/?url=x", ("url-search-redirect", {"engine": "百度"})),
    ("https://www.sogou.com/link?url=hedJjaC291", ("url-search-redirect", {"engine": "搜狗"})),
    ("https://weixin.sogou.com/link?url=dn9a_-gY295K0R", ("url-search-redirect", {"engine": "搜狗"})),
    ("https://www.so.com/link?m=bR8a", ("url-search-redirect", {"engine": "360"})),  # 这是360搜索结果的跳转链接
    ("https://www.google.com.hk/url?q=https://www.qz.gov.cn/a.html", ("url-search-redirect", {"engine": "谷歌"})),
    ("https://www.google.com/url?q=https://www.qz.gov.cn/a.html", ("url-search-redirect", {"engine": "谷歌"})),
    ("https://www.bing.com/ck/a?!&&p=abc", ("url-search-redirect", {"engine": "必应"})),
    ("https://mp.weixin.qq.com/s?__biz=MzA5&mid=2651&idx=1&sn=abc&chksm=8b1&scene=21&key=k1&uin=MTIz&pass_ticket=p%2B",
     ("url-wechat-personal", {"params": ["key", "uin", "pass_ticket"],
                              "fixed": "https://mp.weixin.qq.com/s?__biz=MzA5&mid=2651&idx=1&sn=abc"})),
    ("https://mp.weixin.qq.com/s/AbC?exportkey=e1&sharer_shareid=s1", ("url-wechat-personal", {"params": ["exportkey", "sharer_shareid"], "fixed": ""})),
])
def test_an_address_that_is_not_the_sources_own(url, expected):
    assert url_problem(url) is None  # well formed: the site could link to it, but it is not where the figure is
    assert source_problem(url) == expected


@pytest.mark.parametrize("url", [
    "https://www.baidu.com/s?wd=衢州",  # not a jump link (a search page is no source either, but it is what it says)
    "https://baijiahao.baidu.com/s?id=1761",  # an article on Baidu's own platform
    "https://mp.weixin.qq.com/s?__biz=MzA5&mid=2651&idx=1&sn=abc&chksm=8b1&scene=21#wechat_redirect",
    "https://mp.weixin.qq.com/s/AbCdEf",
    "https://www.qz.gov.cn/link?url=1",
    "https://notbaidu.com/link?url=1",
])
def test_the_sources_own_addresses_pass(url):
    assert source_problem(url) is None
