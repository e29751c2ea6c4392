"""`make serve`: build the site, serve it with MkDocs' live-reload server, rebuild and reload on every change.

The server is MkDocs' own (the one `mkdocs serve` uses): it watches the package folder, docs/ and overrides/,
runs the whole pipeline when a file changes, and tells open pages to reload. A failed rebuild leaves the
previous site served, prints its Chinese message, and puts a panel naming each file, row and fix at the top of
every page until a rebuild succeeds.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import signal
import sys
from pathlib import Path

from markupsafe import escape
from mkdocs.livereload import LiveReloadServer

from scripts.core.paths import BUILD_DIR, CONTENT_INPUTS, DEFAULT_PACKAGE, SITE_DIR, package_inputs
from scripts.pipeline.validation import stop_kept_worker
from scripts.pipeline.build import BuildFailed, build_site
from scripts.pipeline.messages import say
from scripts.validate.problems import Problem


def rebuild(package_path: Path, site_dir: Path = SITE_DIR, work_dir: Path = BUILD_DIR, state: BuildState | None = None) -> bool:
    """Run the pipeline once; say in Chinese how it went (and keep what failed in state, for the pages). True when
    the site was replaced."""
    try:
        stages = build_site(package_path, site_dir, work_dir, keep_validator=True, keep_pages=True)
    except BuildFailed as error:
        print(say("serve-failed", error=error), file=sys.stderr, flush=True)
        if state is not None:
            state.lines = failure_lines(error, work_dir)
        return False
    if state is not None:
        state.lines = []
    print(say("serve-rebuilt", seconds=sum(stages.values())), flush=True)
    return True


# ---- a failed rebuild, shown on every page the server sends ---------------------------------------------------------

MAX_PANEL_LINES = 20
PANEL_STYLE = ("position:relative;z-index:10;margin:0;padding:.8em 1.2em;background:#fdecea;color:#611a15;"
               "border-bottom:3px solid #d32f2f;font-size:.8rem;line-height:1.6")


class BuildState:
    """What the last rebuild said when it failed (lines to fix, in Chinese); empty after a good build."""

    def __init__(self):
        self.lines: list[str] = []


def failure_lines(error: BuildFailed, work_dir: Path) -> list[str]:
    """What to fix: the validation report's errors (file, row, column, value, fix), else the build's own message.

    A failed build always writes the validation report when it validated (pipeline/build.py, require_valid)."""
    try:
        problems = json.loads((work_dir / "validation-report.json").read_text(encoding="utf-8"))["problems"]
        lines = [Problem(**p).line() for p in problems if p.get("severity") == "error"]
    except (OSError, ValueError, KeyError, TypeError):
        lines = []
    return lines or [str(error)]


def failure_panel(lines: list[str]) -> bytes:
    """The Chinese panel put at the top of every page while the last rebuild has failed; the page below it is the
    last good one. Plain HTML with the text escaped: it shows without JavaScript."""
    shown = lines[:MAX_PANEL_LINES]
    items = "".join(f"<li>{escape(line)}</li>" for line in shown)
    more = f"<p>{escape(say('panel-more', count=len(lines) - len(shown)))}</p>" if len(lines) > len(shown) else ""
    return (f'<div id="build-failed" role="alert" style="{PANEL_STYLE}"><p><strong>{escape(say("panel-heading"))}</strong>'
            f"{escape(say('panel-advice'))}</p>"
            f'<ul style="margin:.3em 0 0 1.2em">{items}</ul>{more}</div>').encode("utf-8")


def server_class() -> type:
    """PreviewServer where MkDocs has the hook it overrides (pinned mkdocs 1.6.1), else MkDocs' own server."""
    return PreviewServer if callable(getattr(LiveReloadServer, "_inject_js_into_html", None)) else LiveReloadServer


class PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server, which also puts the failure panel at the top of each page while a rebuild fails."""

    def __init__(self, *args, state: BuildState, **kwargs):
        super().__init__(*args, **kwargs)
        self.state = state

    def _inject_js_into_html(self, content, epoch):  # MkDocs' one hook into every HTML page it serves (mkdocs 1.6)
        content = super()._inject_js_into_html(content, epoch)
        lines = self.state.lines
        body = re.search(rb"<body[^>]*>", content)
        if not lines or body is None:
            return content
        return content[: body.end()] + failure_panel(lines) + content[body.end():]


def watched_paths(package_path: Path) -> list[Path]:
    """The build's inputs whose change means a rebuild (core/paths.py): the package, the pages, the theme overrides,
    mkdocs.yml and the validation rules. A change to the code takes a restart of `make serve`."""
    return [p for p in [*package_inputs(package_path), *CONTENT_INPUTS] if p.exists()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="构建网站并在本机预览；数据或页面改动后自动重新构建，浏览器自动刷新。")
    parser.add_argument("package", nargs="?", default=str(DEFAULT_PACKAGE), help="datapackage.json 的路径")
    parser.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")
    parser.add_argument("--site-dir", default=str(SITE_DIR), help="网站输出目录（默认：site/）")
    parser.add_argument("--work-dir", default=str(BUILD_DIR), help="中间文件目录（默认：build/）")
    args = parser.parse_args(argv)
    package_path = Path(args.package).resolve()
    site_dir, work_dir = Path(args.site_dir).resolve(), Path(args.work_dir).resolve()
    state = BuildState()
    if not rebuild(package_path, site_dir, work_dir, state) and not site_dir.exists():
        return 1
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    chosen = server_class()
    if chosen is not PreviewServer:
        print(say("serve-no-panel"), flush=True)
    options = {"state": state} if chosen is PreviewServer else {}
    server = chosen(builder=lambda: rebuild(package_path, site_dir, work_dir, state), host="127.0.0.1",
                    port=args.port, root=str(site_dir), **options)
    for path in watched_paths(package_path):
        server.watch(str(path), recursive=path.is_dir())
    print(say("serve-address", port=args.port), flush=True)
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
