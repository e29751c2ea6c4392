"""Build the site, serve it on 127.0.0.1, and rebuild when the package or the docs change."""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import threading
import time
from pathlib import Path

from scripts.site.build import SITE_DIR, BuildFailed, build_site
from scripts.core.package import read_descriptor
from scripts.core.paths import DEFAULT_PACKAGE, DOCS_DIR


def watched_files(package_path: Path) -> list[Path]:
    _, descriptor = read_descriptor(package_path)
    files = [package_path, package_path.parent / "data" / "CHANGELOG.md"]
    files += [package_path.parent / r["path"] for r in descriptor["resources"]]
    files += [p for p in (DOCS_DIR).rglob("*") if p.is_file()]
    return files


def snapshot(files: list[Path]) -> dict[Path, float]:
    return {f: f.stat().st_mtime if f.exists() else 0.0 for f in files}


def rebuild(package_path: Path) -> None:
    try:
        stages = build_site(package_path, keep_validator=True)
        print(f"已重新构建（{sum(stages.values()):.1f} 秒）", flush=True)
    except BuildFailed as error:
        print(f"构建失败，继续提供上一版网站：{error}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="构建网站并在本机预览；数据文件改动后自动重新构建。")
    parser.add_argument("package", nargs="?", default=str(DEFAULT_PACKAGE))
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    package_path = Path(args.package).resolve()
    rebuild(package_path)
    if not SITE_DIR.exists():
        return 1
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(SITE_DIR))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"网站预览：http://127.0.0.1:{args.port}/ （按 Ctrl+C 停止）", flush=True)
    seen = snapshot(watched_files(package_path))
    try:
        while True:
            time.sleep(1)
            now = snapshot(watched_files(package_path))
            if now != seen:
                seen = now
                rebuild(package_path)
    except KeyboardInterrupt:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
