"""The Chinese text of every build message staff read: why a build stopped, and how it went. Code -> template."""

from __future__ import annotations

# The build's stages, as staff read them in a failure message.
STAGE_NAMES = {
    "validate": "校验数据",
    "progress": "读取数据和计算进度",
    "charts": "绘制图表",
    "pages": "生成页面和下载文件",
    "mkdocs": "生成网站（mkdocs）",
    "swap": "替换旧网站",
}

MESSAGES = {
    # why a stage stopped (failures.describe); {stage} and {reason} filled in by failures.stage_failed
    "stage-failed": "{stage}时出错：{reason}网站未更新，旧网站保持不变。",
    "disk-full": "磁盘已满，写不进 {file}。这不是数据的问题：请清理磁盘（例如删掉 build/ 文件夹）后再运行一次。",
    "duplicate-key": "datapackage.json 第{line}行的键“{key}”写了两次，程序只会用后一个。请删掉其中一个后再运行。",
    "unsafe-path": "数据包里的路径“{path}”不安全：{reason}",
    "missing-file": "找不到文件 {file}。",
    "not-utf8": "有文件不是 UTF-8 编码，请先运行 make validate 查看是哪个文件。",
    "type-changed": "数据的类型和程序预期的不一致（{detail}）。请检查 datapackage.json 里各列的 type 是否被改动过"
                    "（如把数值列改成了 string），改回后再运行 make validate。",
    "out-of-memory": "内存不够，数据可能太多。",
    "unexpected": "程序遇到了没有预料到的情况（{kind}：{detail}）。请先运行 make validate 检查数据；数据没有问题的话，"
                  "请把这段提示发给网站维护者。",
    "unsafe-id": "{file} 里「id」为“{value}”的一行：这个 id 不能用作网页和文件的名字。"
                 "id 只能由小写英文字母、数字和连字符组成，以字母开头，如 tax-per-mu。网站未更新。",
    # how a build ended (pipeline/build.py)
    "invalid-data": "数据校验未通过，网站未更新。请按上面的提示修改后重试。",
    "mkdocs-failed": "mkdocs 构建失败：{error}",
    "build-failed": "构建失败：{reason}",
    "unchanged": "数据、页面和代码都与上次成功构建时相同，保留 {site}（检查用了 {seconds:.2f} 秒）。",
    "built": "网站已构建到 {site}（共 {seconds:.1f} 秒：{timings}）",
    # make serve (pipeline/serve.py)
    "serve-failed": "构建失败，继续提供上一版网站：{error}",
    "serve-rebuilt": "已重新构建（{seconds:.1f} 秒）",
    "serve-address": "网站预览：http://127.0.0.1:{port}/ （改动数据后浏览器会自动刷新；按 Ctrl+C 停止）",
    "serve-no-panel": "提示：这个版本的 MkDocs 不能在页面上显示构建失败的说明；构建失败时请看终端里的提示。",
    "panel-heading": "刚才保存的修改没有通过检查，网站没有更新。",
    "panel-advice": "请按下面的说明改好后再保存，这一页会自动刷新；下面显示的仍是上一版网站。",
    "panel-more": "另有 {count} 处，见终端里的完整清单。",
}


def say(code: str, **values) -> str:
    """A build message with its placeholders filled in."""
    return MESSAGES[code].format(**values)
