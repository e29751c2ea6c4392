"""Which web addresses readers can trust: every rule in one place, for validation and for every link the site makes.

A link is made only to an absolute http(s) address whose host is what it looks like: no user name before an @
(https://www.qz.gov.cn@evil.example/ opens evil.example), no full-width or look-alike dots (https://www.qz.gov.cn．
evil.example/ opens qz.gov.cn.evil.example), no host mixing scripts (Latin with Cyrillic look-alikes) or spelling
a Latin name in look-alikes of one other script (Cyrillic аррӏе.com), no space,
control or invisible character anywhere. Everything else is shown as text. url_problem() says what is wrong in
a form the validator turns into a Chinese message; checked_url() is what the site links to.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit

from scripts.core.lookalike import INVISIBLE, scripts, skeleton

# What a browser removes before it reads an address (WHATWG URL): tabs and line breaks anywhere, and C0 controls
# and spaces at either end. "java\tscript:" is javascript: to a browser.
_IGNORED_INSIDE = re.compile("[\t\n\r]")
_ENDS = re.compile("^[\x00-\x20]+|[\x00-\x20]+$")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_ASCII_HOST = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+\.?", re.ASCII)
_PORT = re.compile(r"\d{1,5}", re.ASCII)
_LOOKS_LIKE_HOST = re.compile(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:[:/?#]|$)", re.ASCII)
# Characters a browser reads as the dot between labels of a host (UTS #46 maps them to "."), and ones that look like it.
_DOTS = set("\u3002\uff0e\uff61\u2024\u2027\u00b7\u30fb\uff65\u0701\u0702\ua60e\u06d4\u2e33\u2e31")
WEB_SCHEMES = ("http", "https")
# The usual address, accepted at once: a subset of what url_problem accepts (ASCII host, no user name, no backslash).
PLAIN_URL = re.compile(r"https?://" + _ASCII_HOST.pattern + r"(?::\d{1,5})?(?:[/?#][!-\[\]-~]*)?", re.ASCII)


def url_problem(value: str) -> tuple[str, dict] | None:
    """(code, context) for an address readers should not be sent to, None for a trustworthy http(s) address.

    The codes are the validator's message codes (scripts/validate/messages.py), the context holds the parts of
    the address they quote: url-scheme, url-no-scheme, url-not-http, url-space, url-scheme-case, url-backslash, url-no-slashes,
    url-userinfo, url-bad-port, url-bad-host, url-lookalike-dot, url-full-width, url-mixed-script, url-lookalike-label.
    """
    effective = _ENDS.sub("", _IGNORED_INSIDE.sub("", value))
    scheme = _SCHEME.match(effective)
    if scheme and scheme[1].lower() not in WEB_SCHEMES:
        return "url-scheme", {"scheme": scheme[1].lower(), "hidden": effective != value}
    if not scheme:
        if effective.startswith("//"):
            return "url-no-scheme", {"fixed": "https:" + effective}
        if _LOOKS_LIKE_HOST.match(effective):
            return "url-no-scheme", {"fixed": "https://" + effective}
        return "url-not-http", {}
    blanks = [char for char in value if char.isspace() or _CONTROL.match(char) or INVISIBLE.match(char)]
    if blanks:
        return "url-space", {"chars": blanks}
    if scheme[1] not in WEB_SCHEMES:  # HTTPS:// works, but one way of writing it keeps the rules and the data simple
        return "url-scheme-case", {"scheme": scheme[1], "fixed": scheme[1].lower() + value[scheme.end() - 1:]}
    if "\\" in value:
        return "url-backslash", {}
    rest = value[scheme.end():]
    if not rest.startswith("//"):
        return "url-no-slashes", {"scheme": scheme[1]}
    authority = re.split(r"[/?#]", rest[2:], maxsplit=1)[0]
    if "@" in authority:
        userinfo, _, host_and_port = authority.rpartition("@")
        return "url-userinfo", {"userinfo": userinfo, "host": host_and_port.split(":")[0]}
    return _host_problem(authority)


def checked_url(value) -> str | None:
    """The address, if the site may link to it (see url_problem); None otherwise, and it is shown as text."""
    if not isinstance(value, str) or not value or url_problem(value) is not None:
        return None
    return value


def host(url: str) -> str:
    """The host a checked address leads to, as a reader should see it beside the link: www.qz.gov.cn."""
    return (urlsplit(url).hostname or "").rstrip(".")


def _host_problem(authority: str) -> tuple[str, dict] | None:
    if authority.startswith("["):  # an IPv6 address: not where a published source lives
        return "url-bad-host", {"host": authority.split("]")[0] + "]"}
    name, colon, port = authority.partition(":")
    if colon and not _PORT.fullmatch(port):
        return "url-bad-port", {"port": port}
    lowered = name.lower()
    if _ASCII_HOST.fullmatch(lowered):
        return None
    dots = [char for char in name if char in _DOTS or (char != "." and unicodedata.normalize("NFKC", char) == ".")]
    if dots:
        real = "".join("." if char in dots else char for char in lowered)
        return "url-lookalike-dot", {"dot": dots[0], "real": real}
    if name.isascii():
        return "url-bad-host", {"host": name}
    folded = unicodedata.normalize("NFKC", name).lower()
    if folded != lowered:
        return "url-full-width", {"host": name, "fixed": folded}
    mixed = next((label for label in lowered.split(".") if len(scripts(label)) > 1), None)
    if mixed:
        return "url-mixed-script", {"label": mixed, "scripts": sorted(scripts(mixed))}
    # A label in one script, every letter of it a look-alike of a Latin one (Cyrillic аррӏе for apple): the host
    # shown beside the link would name a site the reader knows, so it is refused as browsers show it in xn-- form.
    disguised = next((label for label in lowered.split(".") if not label.isascii() and skeleton(label).isascii()), None)
    if disguised:
        return "url-lookalike-label", {"label": disguised, "looks_like": skeleton(disguised)}
    return None


# A search engine's jump link (host suffix, path): it opens the source only through the engine, stops working after
# a while, and does not show the reader whose page the figure is on.
_SEARCH_REDIRECTS = {("baidu.com", "/link"): "百度", ("baidu.com", "/baidu.php"): "百度", ("sogou.com", "/link"): "搜狗",
                     ("so.com", "/link"): "360", ("google.com", "/url"): "谷歌", ("google.com.hk", "/url"): "谷歌",
                     ("bing.com", "/ck/a"): "必应"}
# Query parameters WeChat adds to an article's address when it is copied inside WeChat: who copied or shared it,
# and their login ticket. An article is the same without them: __biz, mid, idx and sn name it.
_WECHAT_HOST = "mp.weixin.qq.com"
_WECHAT_PERSONAL = ("key", "uin", "pass_ticket", "exportkey", "sharer_shareid", "sharer_sharetime", "sessionid")
_WECHAT_ARTICLE = ("__biz", "mid", "idx", "sn")
# A quick test for the usual address, which names none of these hosts: source_problem is sure to find nothing.
MAYBE_NOT_SOURCE = re.compile("|".join(re.escape(h) for h in {*(s for s, _ in _SEARCH_REDIRECTS), _WECHAT_HOST}), re.IGNORECASE)


def source_problem(url: str) -> tuple[str, dict] | None:
    """(code, context) for a well-formed address that is not the source's own (url_problem found nothing wrong):
    url-search-redirect (a search engine's jump link) or url-wechat-personal (WeChat's login and sharing
    parameters, with the article's address without them when it can be written); None otherwise."""
    parts = urlsplit(url)
    name = (parts.hostname or "").rstrip(".")
    for (suffix, path), engine in _SEARCH_REDIRECTS.items():
        if (name == suffix or name.endswith("." + suffix)) and parts.path.rstrip("/") == path:
            return "url-search-redirect", {"engine": engine}
    if name == _WECHAT_HOST:
        query = parse_qsl(parts.query, keep_blank_values=True)
        personal = [k for k, _ in query if k.lower() in _WECHAT_PERSONAL]
        if personal:
            kept = dict((k, v) for k, v in query if k in _WECHAT_ARTICLE)
            fixed = (f"https://{_WECHAT_HOST}{parts.path}?{urlencode([(k, kept[k]) for k in _WECHAT_ARTICLE])}"
                     if all(kept.get(k) for k in _WECHAT_ARTICLE) else "")
            return "url-wechat-personal", {"params": list(dict.fromkeys(personal)), "fixed": fixed}
    return None
