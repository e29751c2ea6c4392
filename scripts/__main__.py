"""One command line for the pipeline and its tools: `python -m scripts COMMAND [ARGS]` (the Makefile calls it)."""

from __future__ import annotations

import importlib
import sys

# command -> (module with main(argv), what it does)
COMMANDS = {
    "build": ("scripts.pipeline.build", "校验、计算进度、绘图、生成页面并构建网站（make site）"),
    "serve": ("scripts.pipeline.serve", "构建并在本机预览，改动后自动重建（make serve）"),
    "validate": ("scripts.validate.run", "只校验数据包（make validate）"),
    "normalize": ("scripts.validate.normalize", "把 Excel/WPS 存回的 CSV 改回数据包的写法（make normalize）"),
    "diff": ("scripts.tools.datadiff", "数据与某个 git 版本相比的变化（make diff）"),
    "check": ("scripts.tools.check", "拉取请求的检查：校验、构建、版本号和更新记录、中文摘要（make check）"),
    "intake": ("scripts.tools.intake", "把按表单填写的问题（报送公开数字、更正或撤回）转成数据修改（make intake）"),
    "bump": ("scripts.tools.check.bump", "按数据改动升版本号、写数据日期和更新记录草稿（make bump）"),
    "synthetic": ("scripts.tools.synthetic", "生成虚构的示例数据包（make synthetic）"),
    "bench": ("scripts.tools.bench", "性能基准（make bench）"),
    "charts": ("scripts.website.charts", "只画图表"),
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] not in COMMANDS:
        print("用法：python -m scripts 命令 [参数]\n\n命令：")
        for name, (_, help_text) in COMMANDS.items():
            print(f"  {name:<11} {help_text}")
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    module = importlib.import_module(COMMANDS[argv[0]][0])
    return module.main(argv[1:])


if __name__ == "__main__":
    sys.exit(main())
