"""How to cite the data: one line with the package's title, data version and date, and the page's public address."""

from __future__ import annotations

import os

from markupsafe import Markup

from scripts.core.package import Package
from scripts.core.words import CITATION, CITATION_NO_ADDRESS, CITATION_PART
from scripts.website import markup as m


def site_address(path: str) -> str | None:
    """The public address of a site path ('indicators/x/'), from SITE_URL as CI sets it; None on a local build."""
    base = m.safe_url(os.environ.get("SITE_URL"))
    return f"{base.rstrip('/')}/{path}" if base else None


def citation_text(package: Package, path: str, name: str | None = None) -> str:
    """引用本数据：《title》(中的“name”)，数据版本 X（YYYY-MM-DD），address."""
    return CITATION.format(
        title=package.descriptor.get("title") or package.descriptor.get("name", ""),
        part=CITATION_PART.format(name=name) if name else "",
        version=package.version,
        date=str(package.descriptor.get("created", ""))[:10],
        address=site_address(path) or CITATION_NO_ADDRESS,
    )


def citation(package: Package, path: str, name: str | None = None) -> Markup:
    """The citation line as a paragraph a reader can copy; left out of the search index, where the same line on
    every indicator page would only weigh on each reader's first visit."""
    return m.tag("p", citation_text(package, path, name), class_="citation", data_search_exclude="")
