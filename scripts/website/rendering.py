"""Vega-Lite specs to SVG files: vl-convert with one font (chartfont.py), both cores for a cold run, a
content-keyed cache kept to what the current build uses.

Kept apart from the spec-building code so that a rendering worker process imports vl-convert and nothing else
(Altair and the progress method cost about a second to import, in every worker).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import html
import json
import multiprocessing
import os
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import vl_convert as vlc

from scripts.core import files
from scripts.website.chartfont import font_folder, subset_folder, use_chart_font, use_font_folder

# What goes into a chart's cache key besides its spec: change it when the rendering itself changes. (The cut
# font of a large batch is not such a change: the same SVG comes out.)
RENDER_OPTIONS = {"renderer": f"vl-convert {vlc.__version__}", "format": "svg", "post": "title-v1", "fonts": "one-v1"}
PARALLEL_FROM = 24  # fewer misses than this render in this process: starting workers costs more than it saves
CHUNK = 4  # charts per task handed to a worker: ~0.15 s of work, small enough that no core waits long at the end


def text_alternative(spec: dict) -> str:
    """The chart's Chinese text alternative (kept in the spec's `description`)."""
    return spec.get("description", "")


def spec_key(spec: dict) -> str:
    """A content hash of the spec (data included) and of how it is rendered."""
    payload = json.dumps([RENDER_OPTIONS, spec], sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


# Characters vl-convert cannot take (U+FFFF made it panic) and XML cannot hold: controls other than tab and line
# breaks, noncharacters (U+FDD0-U+FDEF and the last two code points of every plane) and lone surrogates.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
                       + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)) + "]")


def clean_text(value):
    """The spec (or any part of it) with every character above replaced by U+FFFD, so any Unicode text can be drawn."""
    if isinstance(value, str):
        return _NOT_TEXT.sub("\ufffd", value)
    if isinstance(value, dict):
        return {clean_text(key): clean_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [clean_text(item) for item in value]
    return value


def render_svg(spec: dict) -> str:
    """One spec to SVG, offline (no data URL may be fetched), with its text alternative as the SVG's title."""
    use_chart_font()
    spec = clean_text(spec)
    svg = vlc.vega_to_svg(to_vega(spec), allowed_base_urls=[])
    alt_text = html.escape(text_alternative(spec), quote=True)
    if not alt_text:
        return svg
    head, rest = svg.split(">", 1)
    return f'{head} role="img" aria-label="{alt_text}"><title>{alt_text}</title>{rest}'


# A chart's own parts: its data, titles and text alternative. Everything else is its shape, shared by many charts.
_OWN_PARTS = ("title", "description", "datasets", "usermeta")
_PLACEHOLDER = "\ue000"  # private use: stands for a chart's own text in the shape compiled once


def to_vega(spec: dict) -> dict:
    """The Vega-Lite spec compiled to Vega. Charts of the same shape compile alike, so each shape is compiled once
    per process and a chart's own parts are put into it: Vega-Lite's compiler took about a fifth of the time to
    draw a chart, and the SVG is byte for byte the one vegalite_to_svg draws (tests/website/test_charts.py)."""
    title, datasets = spec.get("title"), spec.get("datasets")
    vega = None
    if isinstance(title, dict) and set(title) <= {"text", "subtitle"} and isinstance(datasets, dict):
        shape = {key: value for key, value in spec.items() if key not in _OWN_PARTS}
        own = [sorted(title), "description" in spec, sorted(datasets)]
        vega = _compiled_shape(json.dumps([shape, own], sort_keys=True, ensure_ascii=False))
    if vega is None:
        return vlc.vegalite_to_vega(spec)  # a spec of another form: compiled whole
    chart = {**vega, "title": {**vega["title"], **title},
             "data": [{**d, "values": datasets[d["name"]]} if d["name"] in datasets else d for d in vega["data"]]}
    for key in ("description", "usermeta"):
        if key in spec:
            chart[key] = spec[key]
    return chart


@functools.lru_cache(maxsize=256)
def _compiled_shape(shape_and_parts: str) -> dict | None:
    """A shape compiled with placeholders for a chart's own parts, or None when the placeholders do not come out
    as they went in (then each chart is compiled whole). Shared: to_vega copies what it changes."""
    shape, (title_keys, described, names) = json.loads(shape_and_parts)
    skeleton = {**shape, "title": {key: _PLACEHOLDER for key in title_keys}, "datasets": {name: [] for name in names}}
    if described:
        skeleton["description"] = _PLACEHOLDER
    vega = vlc.vegalite_to_vega(skeleton)
    data = {d.get("name"): d for d in vega.get("data", [])}
    as_they_went_in = (all(vega.get("title", {}).get(key) == _PLACEHOLDER for key in title_keys)
                       and all(data.get(name, {}).get("values") == [] for name in names)
                       and (not described or vega.get("description") == _PLACEHOLDER))
    return vega if as_they_went_in else None


class RenderResult(dict):
    """name -> SVG path, plus which charts were drawn now and which came from the cache."""

    def __init__(self):
        super().__init__()
        self.rendered: list[str] = []
        self.reused: list[str] = []
        self.pruned = 0  # cache entries removed: charts the current build no longer has
        self.seconds = 0.0

    def summary(self) -> str:
        return f"图表 {len(self)} 张：新绘制 {len(self.rendered)} 张，沿用缓存 {len(self.reused)} 张（{self.seconds:.2f} 秒）"


def render_charts(specs: dict[str, dict], out_dir: Path | str, cache_dir: Path | str, *, workers: int | None = None,
                  here: bool = True) -> RenderResult:
    """Write <name>.svg for every spec into out_dir, drawing only specs whose content hash is not in cache_dir.

    Misses are drawn in parallel processes when there are PARALLEL_FROM or more of them. With here=False none is
    drawn in this process: vl-convert starts threads of its own, and a build that later forks (the two page loops,
    scripts/website/mkdocs/parallelpages.py) must not have any. Afterwards the cache holds exactly the charts of
    these specs: entries no longer used are removed, so it never grows past one site.
    """
    start = time.perf_counter()
    out_dir, cache_dir = Path(out_dir), Path(cache_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    cache_dir.mkdir(parents=True, exist_ok=True)
    keys = {name: spec_key(spec) for name, spec in specs.items()}
    misses = {key: specs[name] for name, key in keys.items() if not (cache_dir / f"{key}.svg").exists()}
    for key, svg in zip(misses, _render_all(list(misses.values()), workers, here)):
        partial = cache_dir / f"{key}.svg.tmp{os.getpid()}"
        partial.write_text(svg, encoding="utf-8")
        partial.replace(cache_dir / f"{key}.svg")  # never a half-written file under the final name
    result = RenderResult()
    for name, key in keys.items():
        result[name] = files.copy_file(cache_dir / f"{key}.svg", out_dir / f"{name}.svg")
        (result.rendered if key in misses else result.reused).append(name)
    result.pruned = prune_cache(cache_dir, set(keys.values()))
    result.seconds = time.perf_counter() - start
    return result


def prune_cache(cache_dir: Path, used: set[str]) -> int:
    """Remove the cached SVGs whose key is not in used (and partial files left by an interrupted build)."""
    removed = 0
    for path in cache_dir.iterdir():
        if path.name.split(".", 1)[0] not in used or ".tmp" in path.name:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def _render_all(specs: list[dict], workers: int | None, here: bool = True) -> list[str]:
    workers = workers or min(os.cpu_count() or 1, 4)
    if not specs:
        return []
    many = len(specs) >= PARALLEL_FROM
    if here and (workers < 2 or not many):
        return [render_svg(spec) for spec in specs]
    # Many charts: drawn in worker processes with the font cut to their characters (chartfont.py), which only a
    # process started for them may load; this process keeps the installed font for the charts it draws later.
    # spawn, not fork: vl-convert runs its own threads, which a forked child would inherit half-dead. Like any
    # spawn pool this needs the calling script to guard its entry point with `if __name__ == "__main__":`.
    chunks = [specs[i:i + CHUNK] for i in range(0, len(specs), CHUNK)]
    with subset_folder(specs) if many else contextlib.nullcontext() as font:
        try:
            with ProcessPoolExecutor(max_workers=min(workers, len(chunks)), mp_context=multiprocessing.get_context("spawn"),
                                     initializer=_start_worker, initargs=(font,)) as pool:
                return [svg for drawn in pool.map(_render_chunk, chunks) for svg in drawn]
        except BrokenProcessPool as error:  # drawn here instead: this process then has vl-convert's threads and never forks
            print(f"绘图进程意外结束（{error}），改为在本进程逐张绘制。", file=sys.stderr)
            return [render_svg(spec) for spec in specs]


def _start_worker(font: Path | None) -> None:
    """A drawing worker's font: the cut copy when there is one, else the installed font."""
    use_font_folder(font or font_folder())


def _render_chunk(specs: list[dict]) -> list[str]:
    return [render_svg(spec) for spec in specs]
