"""Files beside a table's file that are that table saved under another name: by Excel/WPS, a browser or Windows."""

from __future__ import annotations

import os
import re
from pathlib import Path

from scripts.core.safety import UnsafePath, check_relative_path, is_plain_folder

# What gets added to a name on the way: "observations (1).csv" (a browser's second download), "observations - 副本.csv"
# (Windows' copy), "~$observations.csv" (the lock file Excel/WPS keep while the file is open), ".xlsx" (saved as a
# workbook), ".csv.csv" or ".txt" (an extension added to one already typed).
_EXTENSIONS = re.compile(r"(\.(csv|xlsx|xls|et|txt))+$", re.IGNORECASE)
_ADDED = re.compile(r"(\s*[-－]\s*(副本|copy)|\s*[(（]\d{1,3}[)）]|\s+\d{1,3})+$", re.IGNORECASE)
LOCK_PREFIX = "~$"
_PREFIXES = (LOCK_PREFIX, "副本 - ", "copy of ")
MAX_LISTED = 1000  # a folder with more entries than this is not searched: the data folder holds a dozen files


def _same_file(one: str, other: Path) -> bool:
    """Observations.csv is observations.csv itself where file names ignore case (Windows, macOS)."""
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def _stem(name: str) -> str:
    name = name.strip()
    for prefix in _PREFIXES:
        if name.lower().startswith(prefix):
            name = name[len(prefix):]
    return _ADDED.sub("", _EXTENSIONS.sub("", name)).strip().lower()


def look_alikes(package_dir: Path, file: str) -> list[str]:
    """The names of the other files in the folder of `file` (a resource path) that are the same name changed as above.

    Only in a folder inside the package reached through no link, and never a link itself: the checks do not look
    outside the package (a folder linked to / would otherwise tell which files exist there)."""
    root = Path(os.path.abspath(package_dir))
    try:
        path = root.joinpath(*check_relative_path(file).split("/"))
    except UnsafePath:
        return []
    if not is_plain_folder(path.parent, root):
        return []
    try:
        with os.scandir(path.parent) as entries:
            names = []
            for count, entry in enumerate(entries):
                if count >= MAX_LISTED:
                    return []
                if not entry.is_symlink() and not _same_file(entry.path, path):
                    names.append(entry.name)
    except OSError:
        return []
    wanted = _stem(path.name)
    return sorted(name for name in names if name != path.name and _stem(name) == wanted)
