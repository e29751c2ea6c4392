"""How big a package may be: fixed in code, checked before any file is parsed, whatever the descriptor says."""

from __future__ import annotations

# Generous for the real package (~60 kB), the 100x synthetic benchmark package (~10 MB) and 100k observation
# rows (~15 MB), yet far below what would exhaust CI or the site (1 million rows took 73 s and 1.4 GB).
MAX_ROWS = 200_000  # data rows per table
MAX_COLUMNS = 200  # cells in any row, header included (the widest table has 10 columns)
MAX_FILE_BYTES = 64 * 1024 * 1024  # per CSV file
MAX_PACKAGE_BYTES = 160 * 1024 * 1024  # all CSV files together
MAX_DESCRIPTOR_BYTES = 1024 * 1024  # datapackage.json (today ~25 kB)
MAX_DESCRIPTOR_DEPTH = 20  # nesting of objects and lists in datapackage.json (today 7)
# The JSON report, like the text one, lists at most this many problems per file and kind.
MAX_REPORTED_PER_KIND = 200
MAX_MESSAGE_CHARS = 600  # one message or fix, whatever text a file or the descriptor put into it


def size_text(size: int) -> str:
    """A byte count as staff read it: 1.5 MB, 320 KB."""
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(size, 1) / 1024:.0f} KB" if size >= 1024 else f"{size} 字节"
