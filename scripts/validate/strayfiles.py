"""Files beside a table's file that are that table saved under another name: by Excel/WPS, a browser or Windows."""

from __future__ import annotations

import os
import re
from pathlib import Path

# What gets added to a name on the way: "observations (1).csv" (a browser's second download), "observations - 副本.csv"
# (Windows' copy), "~$observations.csv" (the lock file Excel/WPS keep while the file is open), ".xlsx" (saved as a
# workbook), ".csv.csv" or ".txt" (an extension added to one already typed).
_EXTENSIONS = re.compile(r"(\.(csv|xlsx|xls|et|txt))+$", re.IGNORECASE)
_ADDED = re.compile(r"(\s*[-－]\s*(副本|copy)|\s*[(（]\d{1,3}[)）]|\s+\d{1,3})+$", re.IGNORECASE)
_PREFIXES = ("~$", "副本 - ", "copy of ")
LOCK_PREFIX = "~$"
MAX_LISTED = 1000  # a folder with more entries than this is not searched: the data folder holds a dozen files


def _stem(name: str) -> str:
    name = name.strip()
    for prefix in _PREFIXES:
        if name.lower().startswith(prefix):
            name = name[len(prefix):]
    return _ADDED.sub("", _EXTENSIONS.sub("", name)).strip().lower()


def look_alikes(package_dir: Path, file: str) -> list[str]:
    """The names of the other files in the folder of `file` (a resource path) that are the same name changed as above."""
    path = Path(os.path.abspath(package_dir)).joinpath(*file.split("/"))
    try:
        with os.scandir(path.parent) as entries:
            names = []
            for count, entry in enumerate(entries):
                if count >= MAX_LISTED:
                    return []
                names.append(entry.name)
    except OSError:
        return []
    wanted = _stem(path.name)
    return sorted(name for name in names if name != path.name and _stem(name) == wanted)
