"""Writing a whole synthetic package (descriptor and tables) and the command line."""

from __future__ import annotations

import argparse
import copy
import json
from pathlib import Path

from scripts.core.package import DEFAULT_PACKAGE, read_descriptor
from scripts.tools.synthetic.csvfiles import count_rows, write_tables
from scripts.tools.synthetic.hostile import make_hostile
from scripts.tools.synthetic.names import SOURCE, URL
from scripts.tools.synthetic.tables import make_tables


def write_synthetic_package(out_dir: Path | str, scale: int = 1, seed: int = 0, hostile: bool = False) -> Path:
    """Write DIR/datapackage.json and DIR/data/*.csv; return the descriptor's path."""
    _, schema_descriptor = read_descriptor(DEFAULT_PACKAGE)
    descriptor = make_descriptor(schema_descriptor, scale, seed, hostile)
    tables = make_tables(descriptor, scale, seed)
    if hostile:
        tables = make_hostile(descriptor, tables)
    out_dir = Path(out_dir)
    (out_dir / "data").mkdir(parents=True, exist_ok=True)
    path = out_dir / "datapackage.json"
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    write_tables(out_dir, descriptor, tables)
    return path


def make_descriptor(schema_descriptor: dict, scale: int, seed: int, hostile: bool) -> dict:
    descriptor = copy.deepcopy(schema_descriptor)
    suffix = "-hostile" if hostile else ""
    descriptor["name"] = f"demo-manufacturing-plan-scale-{scale}-seed-{seed}{suffix}"
    descriptor["title"] = "示例数据（虚构）：示例市制造业攻坚行动实施方案（2021—2023年）目标任务与进展数据"
    descriptor["description"] = (
        f"示例数据（虚构），供测试、演示和性能测试使用，不代表任何真实地区、单位或数字。"
        f"由 scripts/tools/synthetic/ 生成：规模 {scale}，随机种子 {seed}" + ("，各文字列含恶意文本" if hostile else "") + "。"
    )
    descriptor["version"] = f"{schema_descriptor.get('version', '0.0.0')}-demo"
    descriptor["demo"] = True
    descriptor["sources"] = [{"title": SOURCE, "path": f"{URL}/"}]
    return descriptor

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="生成虚构的示例数据包（结构与真实数据包相同）。")
    parser.add_argument("--scale", type=int, default=1, help="规模：1 约等于真实方案的大小，N 约为其 N 倍")
    parser.add_argument("--out", type=Path, required=True, help="输出目录，写入 datapackage.json 和 data/*.csv")
    parser.add_argument("--seed", type=int, default=0, help="随机种子，相同参数生成逐字节相同的文件")
    parser.add_argument("--hostile", action="store_true", help="在所有文字列中放入恶意文本，用于测试网站是否照原样显示")
    args = parser.parse_args(argv)
    if args.scale < 1:
        parser.error("--scale 必须是正整数")
    path = write_synthetic_package(args.out, scale=args.scale, seed=args.seed, hostile=args.hostile)
    counts = count_rows(path)
    print(f"已写入 {path}")
    print("，".join(f"{name} {n} 行" for name, n in counts.items()))
    return 0
