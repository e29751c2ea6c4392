"""Why a build stopped, in Chinese for staff: the stage, and the file and row where they are known; never a traceback."""

from __future__ import annotations

import errno

from scripts.core.jsontext import DuplicateKey
from scripts.core.safety import UnsafePath, is_safe_id

# The build's stages, as staff read them in a failure message.
STAGE_NAMES = {
    "validate": "校验数据",
    "progress": "读取数据和计算进度",
    "charts": "绘制图表",
    "pages": "生成页面和下载文件",
    "mkdocs": "生成网站（mkdocs）",
    "swap": "替换旧网站",
}
_EXCERPT = 200  # characters of an unexpected error's own text shown to staff


class BuildFailed(Exception):
    """The package did not validate or a stage failed; the previous site is untouched. The message is Chinese."""


def stage_failed(stage: str, error: BaseException) -> BuildFailed:
    """The BuildFailed to raise when `stage` stopped on `error`."""
    if isinstance(error, BuildFailed):
        return error
    return BuildFailed(f"{STAGE_NAMES.get(stage, stage)}时出错：{describe(error)}网站未更新，旧网站保持不变。")


def describe(error: BaseException) -> str:
    """One Chinese sentence for an error: its file and row where the error knows them."""
    reason = getattr(error, "chinese", None)
    if reason:
        return reason
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
        return (f"磁盘已满，写不进 {str(error.filename or '文件')[:_EXCERPT]}。这不是数据的问题：请清理磁盘"
                "（例如删掉 build/ 文件夹）后再运行一次。")
    if isinstance(error, DuplicateKey):
        return f"datapackage.json 第{error.line}行的键“{error.key[:60]}”写了两次，程序只会用后一个。请删掉其中一个后再运行。"
    if isinstance(error, UnsafePath):
        return f"数据包里的路径“{str(error.path)[:_EXCERPT]}”不安全：{error.reason}"
    if isinstance(error, FileNotFoundError):
        return f"找不到文件 {error.filename or (error.args[0] if error.args else '')}。"
    if isinstance(error, UnicodeDecodeError):
        return "有文件不是 UTF-8 编码，请先运行 make validate 查看是哪个文件。"
    if isinstance(error, TypeError):  # e.g. a number column retyped to string in datapackage.json
        return (f"数据的类型和程序预期的不一致（{str(error)[:_EXCERPT]}）。请检查 datapackage.json 里各列的 type 是否被改动过"
                "（如把数值列改成了 string），改回后再运行 make validate。")
    if isinstance(error, MemoryError):
        return "内存不够，数据可能太多。"
    text = str(error)[:_EXCERPT]
    return (f"程序遇到了没有预料到的情况（{type(error).__name__}：{text}）。"
            "请先运行 make validate 检查数据；数据没有问题的话，请把这段提示发给网站维护者。")


def check_ids(package) -> None:
    """Every id that becomes a page, chart or file name, checked in code whatever the descriptor's pattern says."""
    for resource in package.descriptor["resources"]:
        for row in package.rows(resource["name"]):
            value = row.get("id")
            if "id" in row and not is_safe_id(value):
                raise BuildFailed(
                    f"{resource['path']} 里「id」为“{str(value)[:60]}”的一行：这个 id 不能用作网页和文件的名字。"
                    "id 只能由小写英文字母、数字和连字符组成，以字母开头，如 tax-per-mu。网站未更新。"
                )
