"""Why a build stopped, in Chinese for staff: the stage, and the file and row where they are known; never a traceback."""

from __future__ import annotations

import errno

from scripts.core.jsontext import DuplicateKey
from scripts.core.safety import UnsafePath, is_safe_id
from scripts.pipeline.messages import STAGE_NAMES, say

_EXCERPT = 200  # characters of an unexpected error's own text shown to staff


class BuildFailed(Exception):
    """The package did not validate or a stage failed; the previous site is untouched. The message is Chinese."""


def stage_failed(stage: str, error: BaseException) -> BuildFailed:
    """The BuildFailed to raise when `stage` stopped on `error`."""
    if isinstance(error, BuildFailed):
        return error
    return BuildFailed(say("stage-failed", stage=STAGE_NAMES.get(stage, stage), reason=describe(error)))


def describe(error: BaseException) -> str:
    """One Chinese sentence for an error: its file and row where the error knows them."""
    reason = getattr(error, "chinese", None)
    if reason:
        return reason
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
        return say("disk-full", file=str(error.filename or "文件")[:_EXCERPT])
    if isinstance(error, DuplicateKey):
        return say("duplicate-key", line=error.line, key=error.key[:60])
    if isinstance(error, UnsafePath):
        return say("unsafe-path", path=str(error.path)[:_EXCERPT], reason=error.reason)
    if isinstance(error, FileNotFoundError):
        return say("missing-file", file=error.filename or (error.args[0] if error.args else ""))
    if isinstance(error, UnicodeDecodeError):
        return say("not-utf8")
    if isinstance(error, TypeError):  # e.g. a number column retyped to string in datapackage.json
        return say("type-changed", detail=str(error)[:_EXCERPT])
    if isinstance(error, MemoryError):
        return say("out-of-memory")
    return say("unexpected", kind=type(error).__name__, detail=str(error)[:_EXCERPT])


def check_ids(package) -> None:
    """Every id that becomes a page, chart or file name, checked in code whatever the descriptor's pattern says."""
    for resource in package.descriptor["resources"]:
        for row in package.rows(resource["name"]):
            value = row.get("id")
            if "id" in row and not is_safe_id(value):
                raise BuildFailed(say("unsafe-id", file=resource["path"], value=str(value)[:60]))
