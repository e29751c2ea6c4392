"""`make serve`: build the site, serve it with MkDocs' live-reload server, rebuild and reload on every change.

The server is MkDocs' own (the one `mkdocs serve` uses): it watches the package folder, docs/ and overrides/,
runs the whole pipeline when a file changes, and tells open pages to reload. A failed rebuild leaves the
previous site served, and its Chinese message is printed.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from pathlib import Path

from scripts.core.paths import BUILD_DIR, CONTENT_INPUTS, DEFAULT_PACKAGE, SITE_DIR, package_inputs
from scripts.pipeline.validation import stop_kept_worker
from scripts.pipeline.build import BuildFailed, build_site

def rebuild(package_path: Path, site_dir: Path = SITE_DIR, work_dir: Path = BUILD_DIR) -> bool:
    """Run the pipeline once; say in Chinese how it went. True when the site was replaced."""
    try:
        stages = build_site(package_path, site_dir, work_dir, keep_validator=True, keep_pages=True)
    except BuildFailed as error:
        print(f"构建失败，继续提供上一版网站：{error}", file=sys.stderr, flush=True)
        return False
    print(f"已重新构建（{sum(stages.values()):.1f} 秒）", flush=True)
    return True


def watched_paths(package_path: Path) -> list[Path]:
    """The build's inputs whose change means a rebuild (core/paths.py): the package, the pages, the theme overrides,
    mkdocs.yml and the validation rules. A change to the code takes a restart of `make serve`."""
    return [p for p in [*package_inputs(package_path), *CONTENT_INPUTS] if p.exists()]


def main(argv: list[str] | None = None) -> int:
    from mkdocs.livereload import LiveReloadServer

    parser = argparse.ArgumentParser(description="构建网站并在本机预览；数据或页面改动后自动重新构建，浏览器自动刷新。")
    parser.add_argument("package", nargs="?", default=str(DEFAULT_PACKAGE), help="datapackage.json 的路径")
    parser.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")
    parser.add_argument("--site-dir", default=str(SITE_DIR), help="网站输出目录（默认：site/）")
    parser.add_argument("--work-dir", default=str(BUILD_DIR), help="中间文件目录（默认：build/）")
    args = parser.parse_args(argv)
    package_path = Path(args.package).resolve()
    site_dir, work_dir = Path(args.site_dir).resolve(), Path(args.work_dir).resolve()
    if not rebuild(package_path, site_dir, work_dir) and not site_dir.exists():
        return 1
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    server = LiveReloadServer(builder=lambda: rebuild(package_path, site_dir, work_dir), host="127.0.0.1", port=args.port,
                              root=str(site_dir))
    for path in watched_paths(package_path):
        server.watch(str(path), recursive=path.is_dir())
    print(f"网站预览：http://127.0.0.1:{args.port}/ （改动数据后浏览器会自动刷新；按 Ctrl+C 停止）", flush=True)
    # Stopped by another program, or its terminal closed (no SIGHUP on Windows).
    for ending in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if ending is not None:
            signal.signal(ending, _interrupt)
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        stop_kept_worker()
    return 0


def _interrupt(signum, frame):
    raise KeyboardInterrupt  # ends like Ctrl+C: the server and the validation worker are shut down


if __name__ == "__main__":
    sys.exit(main())
