"""What may become a file name or a path: fixed in code, whatever the descriptor a pull request brings says.

A pull request can change datapackage.json itself, so structural safety cannot rest on the constraints it
declares: every id that becomes a page slug or a file name, every package name that becomes a download, and
every resource path is checked here before it touches the file system.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

# Ids: page slugs, chart and file names (areas, units, tasks, indicators all use this shape).
SAFE_ID = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", re.ASCII)
SAFE_ID_MAX = 80
# Package names: the zip download is named after it.
SAFE_NAME = re.compile(r"[a-z0-9](?:[a-z0-9._-]{0,78}[a-z0-9])?", re.ASCII)
# Resource paths: folders and files of plain ASCII names, relative, with no dot segments.
_SEGMENT = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}", re.ASCII)


class UnsafePath(Exception):
    """A path the package names that would leave its folder, pass through a link, or is not a plain file.

    `reason` is Chinese, for staff; it never quotes the content of what the path points at.
    """

    def __init__(self, path: object, reason: str):
        super().__init__(reason)
        self.path = path
        self.reason = reason


def is_safe_id(value: object) -> bool:
    return isinstance(value, str) and len(value) <= SAFE_ID_MAX and SAFE_ID.fullmatch(value) is not None


def is_safe_name(value: object) -> bool:
    return isinstance(value, str) and SAFE_NAME.fullmatch(value) is not None and ".." not in value


def check_relative_path(value: object) -> str:
    """A resource path as the descriptor writes it, e.g. data/units.csv; raise UnsafePath otherwise."""
    if not isinstance(value, str) or not value:
        raise UnsafePath(value, "路径应是一个文字，如 data/units.csv。")
    segments = value.split("/")
    if value.startswith("/") or "\\" in value or ":" in value:
        raise UnsafePath(value, "路径必须是数据包文件夹里的相对路径，如 data/units.csv。")
    if any(s in ("", ".", "..") or not _SEGMENT.fullmatch(s) for s in segments):
        raise UnsafePath(value, "路径只能由英文字母、数字、点、下划线和连字符组成，并用 / 分隔，不能含 .. 。")
    return value


def resource_path(package_dir: Path | str, value: object) -> Path:
    """The file a resource path names, inside package_dir, reached through no symbolic link; raise UnsafePath."""
    relative = check_relative_path(value)
    root = Path(os.path.abspath(package_dir))
    current = root.joinpath(*relative.split("/"))
    _check_no_link(current, root, named=value)
    if not current.exists():
        raise FileNotFoundError(str(current))
    if not current.is_file():
        raise UnsafePath(value, "这不是一个普通文件。")
    return current  # no segment below the package folder is a link, and none is '..': it lies inside


def read_plain_file(path: Path | str, base: Path | str) -> bytes:
    """The bytes of a regular file below base reached through no link; raise UnsafePath for anything else.

    For what runs before validation (the caches' keys): it never follows a link out of the package and never
    blocks on a pipe or a device, because it checks what the path is before it reads, and opens without waiting.
    """
    path, base = Path(os.path.abspath(path)), Path(os.path.abspath(base))
    _check_no_link(path, base)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        handle = os.open(path, flags)
    except OSError as error:
        if isinstance(error, FileNotFoundError):
            raise
        raise UnsafePath(str(path), "这个文件打不开。") from None
    with os.fdopen(handle, "rb") as opened:
        if not stat.S_ISREG(os.fstat(opened.fileno()).st_mode):
            raise UnsafePath(str(path), "这不是一个普通文件。")
        return opened.read()


def plain_files(folder: Path | str, base: Path | str) -> list[Path]:
    """Every regular file under folder, sorted, found without following a link: none when the folder is a link
    or lies behind one (a data/ linked to / is not walked), and no link, pipe or device among them."""
    folder, base = Path(os.path.abspath(folder)), Path(os.path.abspath(base))
    try:
        _check_no_link(folder, base)
    except UnsafePath:
        return []
    if not stat.S_ISDIR(_mode(folder)):
        return []
    found = []
    for top, _folders, names in os.walk(folder, followlinks=False):
        found += [Path(top) / name for name in names if stat.S_ISREG(_mode(Path(top) / name))]
    return sorted(found)


def is_plain_folder(folder: Path | str, base: Path | str) -> bool:
    """Whether folder is a real folder below base, reached through no link (to list it is to look inside the package)."""
    folder, base = Path(os.path.abspath(folder)), Path(os.path.abspath(base))
    try:
        _check_no_link(folder, base)
    except UnsafePath:
        return False
    return stat.S_ISDIR(_mode(folder))


def _check_no_link(path: Path, base: Path, named: object = None) -> None:
    """Raise UnsafePath (naming `named`, else the path) when path is not below base, or a part of it below base is a
    symbolic link."""
    shown = str(path) if named is None else named
    try:
        below = path.relative_to(base)
    except ValueError:
        raise UnsafePath(shown, "路径必须在数据包文件夹之内。") from None
    current = base
    for part in below.parts:
        current = current / part
        if stat.S_ISLNK(_mode(current)):
            raise UnsafePath(shown, "这是一个符号链接（快捷方式）。数据文件必须是数据包文件夹里的普通文件，请换成文件本身。")


def _mode(path: Path) -> int:
    try:
        return os.lstat(path).st_mode
    except OSError:
        return 0
