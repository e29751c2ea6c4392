"""The charts' font: found on the machine, the only font vl-convert loads, and for a large batch of charts a copy
cut down to the characters those charts contain.

Why the cut copy: vl-convert 1.9 maps the font file anew for every text it measures (about 2,000 times per
indicator chart) and its Python API offers no way to hold a font in memory. Each mapping of the 5 MB
WenQuanYi file faults in pages of its large tables, and the kernel's work of mapping and unmapping them was
more than half the time of drawing a chart. The same face cut to a few hundred characters has the same metrics
for those characters, so the same SVG comes out (tests/website/test_chartfont.py), in about 55% of the time.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import vl_convert as vlc

# Debian's fonts-wqy-microhei: the file, and the face in it the charts name (charts/look.py FONT is made from it).
FONT_FILE = "wqy-microhei.ttc"
FONT_FAMILY = "WenQuanYi Micro Hei"
FONT_FOLDERS = ["/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts"]
# An empty fontconfig file: vl-convert's font database then scans no system font folder (it would otherwise
# read every installed font) and knows only its own fallback fonts and the folder registered after it.
_NO_SYSTEM_FONTS = '<?xml version="1.0"?>\n<fontconfig><dir>/nonexistent-font-folder</dir></fontconfig>\n'
# Characters Vega may write that are not in a spec: numbers as d3-format writes them (U+2212 minus, SI
# prefixes, µ), the ellipsis of a cut label, a no-break space, the replacement character rendering.clean_text
# puts for what vl-convert cannot take; printable ASCII covers the rest.
VEGA_CHARACTERS = frozenset(chr(c) for c in range(0x20, 0x7F)) | frozenset("\u2212\u2026\u00b5\u03bc\u00a0\ufffd")
SUBSET_NAME = "chart-font-subset.ttf"

_registered: list[Path | None] = []  # the one folder this process gave vl-convert, once it has given one


def font_folder() -> Path | None:
    """The folder holding the charts' font file, or None when it is not installed."""
    for folder in FONT_FOLDERS:
        root = Path(folder).expanduser()
        if root.is_dir():
            found = next(root.rglob(FONT_FILE), None)
            if found is not None:
                return found.parent
    return None


def use_font_folder(folder: Path | None) -> Path | None:
    """Once per process, before the first chart: vl-convert loads this folder's fonts and no other system font.

    Every chart then measures its text with the same font on every machine, whatever else is installed, and a
    worker process starts without reading every installed font. A second call changes nothing (vl-convert's
    font database only grows: two copies of one family would make the choice between them its own) and
    returns the folder of the first. With None, vl-convert's defaults stay.
    """
    if _registered:
        return _registered[0]
    _registered.append(folder)
    if folder is None:
        return None
    config = Path(os.environ.get("TMPDIR", "/tmp")) / f"chart-fonts-{os.getpid()}.conf"
    config.write_text(_NO_SYSTEM_FONTS, encoding="utf-8")
    previous = os.environ.get("FONTCONFIG_FILE")
    os.environ["FONTCONFIG_FILE"] = str(config)  # read once, when vl-convert builds its font database (just below)
    try:
        vlc.register_font_directory(str(folder))
    finally:
        if previous is None:
            del os.environ["FONTCONFIG_FILE"]  # other programs started from this process see the usual fonts
        else:
            os.environ["FONTCONFIG_FILE"] = previous
        config.unlink(missing_ok=True)
    return folder


def use_chart_font() -> Path | None:
    """The installed font, unless this process was already given a font (a drawing worker given a cut copy)."""
    return use_font_folder(_registered[0] if _registered else font_folder())


def characters(specs: list[dict]) -> set[str]:
    """Every character the specs can put on a chart: all their text (titles, data, expressions) and Vega's own."""
    found = set(VEGA_CHARACTERS)
    for spec in specs:
        found.update(json.dumps(spec, ensure_ascii=False))
    return found


@contextlib.contextmanager
def subset_folder(specs: list[dict]) -> Iterator[Path | None]:
    """A temporary folder holding the charts' face cut to the characters of these specs, for the processes that
    draw them; None (draw with the installed font) when the font is not installed or cannot be cut."""
    source = font_folder()
    with tempfile.TemporaryDirectory(prefix="chart-font-") as folder:
        written = None
        if source is not None:
            written = _write_subset(source / FONT_FILE, characters(specs), Path(folder) / SUBSET_NAME)
            if written is None:  # the charts come out the same, only slower: said once, for whoever keeps the build
                print(f"图表字体没能裁剪（{source / FONT_FILE} 里找不到可用的“{FONT_FAMILY}”），改用完整字体绘图，会慢一些。",
                      file=sys.stderr)
        yield Path(folder) if written else None


def _write_subset(source: Path, text: set[str], out: Path) -> Path | None:
    from fontTools import subset  # only here: 0.1 s to import, and a small build never needs it
    from fontTools.ttLib import TTCollection

    if source.suffix != ".ttc":
        return None
    try:
        with TTCollection(str(source), lazy=True) as collection:
            font = next((f for f in collection.fonts if f["name"].getDebugName(1) == FONT_FAMILY), None)
            if font is None:
                return None
            # Everything but the glyphs the text does not use: names, layout features and hinting stay as they were.
            options = subset.Options(layout_features=["*"], name_IDs=["*"], name_languages=["*"], name_legacy=True,
                                     notdef_outline=True, glyph_names=True, legacy_kern=True)
            options.drop_tables += ["FFTM"]  # FontForge's timestamps: fontTools would drop them anyway, with a warning
            subsetter = subset.Subsetter(options)
            subsetter.populate(text="".join(sorted(text)))
            subsetter.subset(font)
            font.save(str(out))
            return out
    except Exception:  # a font fontTools cannot read or cut: the charts are drawn with the installed one
        return None
