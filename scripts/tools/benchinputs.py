"""What the benchmark builds besides the packages: the floor site, and a package of many observations."""

from __future__ import annotations

import json
import shutil
from pathlib import Path


# ---- the floor: plain mkdocs-material on as many simple pages -------------------------------------------------

FLOOR_SECTION = 25  # pages to a section
FLOOR_CHARACTERS = 900  # Chinese characters of text per page
# Fictional sentences, cycled from a different start on each page so that no two pages are the same.
FLOOR_SENTENCES = [
    "本页是性能测试用的示例页面，内容为虚构，只用来衡量网站生成工具本身的耗时。",
    "示例市围绕制造业高质量发展，推进示例园区改造提升，培育一批示例企业和示例项目。",
    "各示例单位按照职责分工，细化工作措施，明确时间节点，定期报送工作进展情况。",
    "到示例年份末，示例指标达到预定目标，示例产业规模稳步扩大，质量效益持续提升。",
    "加强示例要素保障，统筹用地、用能和资金安排，优先支持示例重点项目建设。",
    "建立示例评价机制，对进展较快的示例地区给予激励，对进展滞后的加强督促指导。",
    "推动示例企业技术改造和数字化转型，提升示例产品质量，打造示例区域品牌。",
]


def floor_page(number: int) -> str:
    """One simple page: a heading, about 900 Chinese characters and a small table."""
    text, i = "", number
    while sum("\u4e00" <= c <= "\u9fff" for c in text) < FLOOR_CHARACTERS:  # Chinese characters, punctuation aside
        text += FLOOR_SENTENCES[i % len(FLOOR_SENTENCES)]
        i += 1
    table = "\n".join(["| 年份 | 数值 | 说明 |", "|---|---:|---|"]
                      + [f"| {year}年 | {number + year - 2020} | 示例 |" for year in (2021, 2022, 2023)])
    return f"# 示例页面 {number}\n\n{text}\n\n{table}\n"


def write_floor_site(folder: Path, pages: int) -> Path:
    """A plain mkdocs-material project of `pages` pages (the home page included), 25 to a section, with
    Chinese search and navigation.prune and none of this project's plugins, hooks or templates."""
    docs = folder / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text(floor_page(0), encoding="utf-8")
    nav: list = [{"首页": "index.md"}]
    for start in range(1, pages, FLOOR_SECTION):
        section = []
        for number in range(start, min(start + FLOOR_SECTION, pages)):
            path = f"section-{len(nav)}/page-{number}.md"
            (docs / path).parent.mkdir(exist_ok=True)
            (docs / path).write_text(floor_page(number), encoding="utf-8")
            section.append({f"示例页面 {number}": path})
        nav.append({f"第{len(nav)}部分": section})
    config = {
        "site_name": "性能测试（虚构）", "docs_dir": "docs", "use_directory_urls": True,
        "theme": {"name": "material", "language": "zh", "font": False, "features": ["navigation.prune"]},
        "plugins": [{"search": {"lang": "zh"}}], "markdown_extensions": ["tables"], "nav": nav,
    }
    (folder / "mkdocs.yml").write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")  # JSON is YAML
    return folder / "mkdocs.yml"


# ---- validation of many observation rows ----------------------------------------------------------------------


def observation_package(source: Path, destination: Path, rows: int) -> Path:
    """A copy of a package with at least `rows` observations: each copy of the observations goes to fictional
    copies of their areas (示例东区加1, ...), so that keys stay unique and every series looks like the one it copies."""
    import pandas as pd

    shutil.copytree(source.parent / "data", destination / "data")
    shutil.copy(source, destination / source.name)
    descriptor = json.loads(source.read_text(encoding="utf-8"))
    paths = {r["name"]: destination / r["path"] for r in descriptor["resources"]}
    areas = pd.read_csv(paths["areas"], dtype=str, keep_default_na=False)
    observations = pd.read_csv(paths["observations"], dtype=str, keep_default_na=False)
    copies = max(0, -(-rows // len(observations)) - 1)
    other_kind = areas["kind"].iloc[-1]  # a copy of the city takes the last area's kind: a package has one city
    new_areas = [{**area, "id": f"{area['id']}-x{i}", "name": f"{area['name']}加{i}", "order": str(len(areas) * i + n),
                  "kind": other_kind if area["kind"] == "city" else area["kind"]}
                 for i in range(1, copies + 1) for n, area in enumerate(areas.to_dict("records"), start=1)]
    pd.concat([areas, pd.DataFrame(new_areas, columns=areas.columns)]).to_csv(paths["areas"], index=False, lineterminator="\n")
    repeated = [observations] + [observations.assign(area_id=observations["area_id"] + f"-x{i}") for i in range(1, copies + 1)]
    pd.concat(repeated).head(max(rows, len(observations))).to_csv(paths["observations"], index=False, lineterminator="\n")
    return destination / source.name
