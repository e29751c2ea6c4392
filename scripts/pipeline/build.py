"""The pipeline: validate -> progress -> charts -> pages -> mkdocs build, then swap the new site in."""

from __future__ import annotations

import argparse
import ctypes
import datetime
import itertools
import json
import logging
import os
import shutil
import sys
import threading
import time
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Callable

from scripts.core import files
from scripts.core import clock
from scripts.core.package import Package, read_package
from scripts.core.paths import (
    BUILD_DIR,
    DEFAULT_PACKAGE,
    DOCS_DIR,
    MKDOCS_CONFIG,
    SITE_DIR,
    chart_cache_dir,
    stage_dir,
    validation_cache_dir,
)
from scripts.pipeline import unchanged
from scripts.pipeline.messages import say
from scripts.pipeline.failures import BuildFailed, check_ids, describe, stage_failed

MKDOCS_OPTIONS = "mkdocs-options.json"  # in the stage dir, beside docs/


class Timer:
    def __init__(self):
        self.stages: dict[str, float] = {}
        self.start = time.perf_counter()

    @contextmanager
    def stage(self, name: str):
        start = time.perf_counter()
        try:
            yield
        except Exception as error:  # staff get the stage in Chinese, never a traceback
            raise stage_failed(name, error) from error
        finally:
            self.stages[name] = time.perf_counter() - start


def build_site(
    package_path: Path | str = DEFAULT_PACKAGE,
    site_dir: Path = SITE_DIR,
    work_dir: Path = BUILD_DIR,
    *,
    validate: bool = True,
    keep_unchanged: bool = False,
    keep_validator: bool = False,
    validate_here: bool = False,
    keep_pages: bool = False,
    today: datetime.date | None = None,
) -> dict[str, float]:
    """Build the whole site from a package into site_dir; return seconds per stage.

    Everything is built under work_dir and only the finished site replaces site_dir,
    so a failure at any stage leaves the previous site as it was. Validation runs in another process while
    the other stages run, and the new site replaces the old one only once the data has passed.
    With keep_unchanged, a site built by the last successful build from exactly the same inputs is kept as it
    is (stages: {"unchanged": seconds}). keep_validator keeps the validation process for the next build (serve);
    validate_here validates in this process before the other stages, for a caller that has the validator
    imported already and no core to spare (the tests); keep_pages keeps what mkdocs computed for each page,
    for the next build in this process (serve). today: the day the site speaks for (whether the plan has ended;
    by default core/clock.py's today()), decided here once for the whole build (see core/clock.py).
    """
    timer = Timer()
    today = today or clock.today()
    restore_site(Path(site_dir))  # a site left half swapped by a killed build comes back first, whatever follows
    package_path = Path(package_path).resolve()
    work_dir = Path(work_dir).resolve()
    work_dir.mkdir(parents=True, exist_ok=True)
    key = unchanged.inputs_key(package_path, site_dir, today) if keep_unchanged and validate else None
    if key and unchanged.is_current(key, site_dir, work_dir):
        return {"unchanged": time.perf_counter() - timer.start}
    pending = None
    if validate:
        from scripts.pipeline.validation import start_validation

        pending = start_validation(package_path, validation_cache_dir(work_dir), keep_worker=keep_validator,
                                   in_process=validate_here)
    try:
        # Nothing a package brings (ids, names, paths) can make the build write outside work_dir: the site is
        # built there, and only the finished site is renamed into place.
        with files.confined_to(work_dir):
            build_unpublished(package_path, work_dir, timer, keep_pages, busy=pending.running if pending else None, today=today)
    except Exception:
        if pending is not None:
            require_valid(pending, work_dir, timer)  # invalid data explains the failure: say what to fix
        raise
    if pending is not None:
        require_valid(pending, work_dir, timer)
    try:
        swap_in(work_dir / "site.new", site_dir)
    except OSError as error:
        raise stage_failed("swap", error) from error
    if key:
        unchanged.record(key, site_dir, work_dir)
    return timer.stages


def require_valid(pending, work_dir: Path, timer: Timer) -> None:
    """Wait for the validation; write its report; stop the build (nothing published) if the data has errors."""
    with timer.stage("validate"):
        report = pending.report()
        report.write_json(work_dir / "validation-report.json")
    if not report.ok:
        print(report.text(), file=sys.stderr)
        raise BuildFailed(say("invalid-data"))


def build_unpublished(package_path: Path, work_dir: Path, timer: Timer, keep_pages: bool = False,
                      busy: Callable[[], bool] | None = None, today: datetime.date | None = None) -> None:
    """progress -> charts -> pages -> mkdocs, into work_dir/site.new; nothing is published here. busy tells whether
    the other core is still taken by the validation process."""
    stage = stage_dir(work_dir)
    docs_dir = stage / "docs"
    # The stage is kept from the last build and rewritten in place: only files whose content changed are written,
    # and the files this build did not write are removed before mkdocs reads the folder.
    # Only the progress stage reads the package; every later stage reads its results (scripts/progress/results.py).
    with timer.stage("progress"):
        package = read_package(package_path)
        check_ids(package)
        from scripts.progress.progress_csv import write_progress_csv
        from scripts.progress.results import compute_progress

        results = compute_progress(package, today)
        written = files.copy_tree(DOCS_DIR, docs_dir)
        written.append(write_progress_csv(results, docs_dir / "data" / "progress.csv"))
    with timer.stage("charts"):
        from scripts.website import charts as charts_module

        # Drawn in worker processes unless this is a serve rebuild (which never forks): vl-convert's threads must not
        # be in the process that forks for mkdocs' page loops.
        chart_alts = charts_module.render_site_charts(results, docs_dir / "charts", chart_cache_dir(work_dir), here=keep_pages)
        written += chart_alts.written
    with timer.stage("pages"):
        nav, pages_written = write_pages(results, chart_alts, docs_dir, stage)
        files.prune(docs_dir, keep=written + pages_written)
    with timer.stage("mkdocs"):
        run_mkdocs(results.catalog.package, docs_dir, stage, nav, work_dir / "site.new", keep_pages, busy)


def write_pages(results, chart_alts: dict[str, str], docs_dir: Path, stage_dir: Path) -> tuple[list, list[Path]]:
    """Write every generated page, the downloads and the fragments; return the nav and the files written under docs_dir."""
    from scripts.progress.progress_csv import PROGRESS_FIELDS
    from scripts.website import fragments
    from scripts.website.changelog import changelog_page
    from scripts.website.downloads import copy_downloads, downloads_page
    from scripts.website.pages import SiteWriter

    package = results.catalog.package
    writer = SiteWriter(results, chart_alts)
    pages = writer.pages()
    pages.append(downloads_page(package, PROGRESS_FIELDS))
    pages.append(changelog_page(package))
    written = [files.write_text(docs_dir / page.path, page.markdown()) for page in pages]
    written += copy_downloads(package, docs_dir / "data")
    files.write_text(stage_dir / "fragments.json", json.dumps(fragments.build_fragments(writer), ensure_ascii=False))
    return writer.nav(), written


def run_mkdocs(package: Package, docs_dir: Path, stage_dir: Path, nav: list, out_dir: Path, keep_pages: bool = False,
               busy: Callable[[], bool] | None = None) -> None:
    """mkdocs with the package's descriptor facts (demo, version, date) and its search words, as the read stage
    kept them."""
    from scripts.website.searchwords import write_search_words

    options = {
        "docs_dir": str(docs_dir),
        "nav": nav,
        "extra": {
            "fragments": str(stage_dir / "fragments.json"),
            "demo": package.is_demo,
            "data_version": package.version,
            "data_date": str(package.descriptor.get("created", ""))[:10],
            "search_words": str(write_search_words(package, stage_dir)),  # read by scripts/website/mkdocs/searchhook.py
        },
    }
    # Kept so that mkdocs can be run again on the same pages alone (scripts/tools/bench.py times it that way).
    (stage_dir / MKDOCS_OPTIONS).write_text(json.dumps(options, ensure_ascii=False), encoding="utf-8")
    build_with_mkdocs(options, out_dir, keep_pages, busy)


def build_with_mkdocs(options: dict, out_dir: Path, keep_pages: bool = False, busy: Callable[[], bool] | None = None) -> None:
    """mkdocs build --strict with mkdocs.yml and options (docs_dir, nav, extra) into out_dir. With keep_pages, pages
    unchanged since the last build in this process are taken from it (scripts/website/mkdocs/rebuildhook.py). Otherwise
    pages are read and rendered in two processes, each time busy() (the other core taken) does not say otherwise."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from scripts.website.mkdocs import internals
    from scripts.website.mkdocs.parallelpages import pages_in_two_processes
    from scripts.website.mkdocs.rebuildcache import keep_pages as keep_pages_for_next_build

    keep_pages_for_next_build(keep_pages and internals.available("rebuild reuse"))

    if out_dir.exists():
        shutil.rmtree(out_dir)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    config = load_config(str(MKDOCS_CONFIG), site_dir=str(out_dir), strict=True, **options)
    # A serve rebuild renders few pages and keeps each one's result in this process: one process. Otherwise both cores,
    # where mkdocs still has the private names the two page loops rely on.
    two = not keep_pages and internals.available("two-process pages")
    pages = pages_in_two_processes(busy) if two else nullcontext()
    try:
        with pages:
            build(config)
    except MkDocsException as error:
        raise BuildFailed(say("mkdocs-failed", error=error)) from error


def swap_in(new_site: Path, site_dir: Path) -> None:
    """Put new_site in place of site_dir; a kill at any point leaves a complete site_dir, or one the next build
    puts back (restore_site). site_dir stays a plain folder, as `make serve`, MkDocs' server and CI's upload use it.

    Where the system can (Linux), the two folders trade places in one atomic step. Otherwise the old site is renamed
    to site.old, then the new one to site: a kill between the two leaves site.old alone, which the next build,
    failing or not, renames back before anything else. The old site is deleted only once it is out of the way.
    """
    restore_site(site_dir)
    if site_dir.exists() and _exchange(new_site, site_dir):
        remove_in_background(new_site)  # it now holds the old site
        return
    old = _old(site_dir)
    if old.exists():
        remove_in_background(old)  # left by a swap killed after its second rename: the site is complete
    if site_dir.exists():
        site_dir.rename(old)
    try:
        new_site.rename(site_dir)
    except OSError:
        if old.exists() and not site_dir.exists():
            old.rename(site_dir)  # the previous site back in place: a failed swap never leaves no site
        raise
    if old.exists():
        remove_in_background(old)


def restore_site(site_dir: Path) -> None:
    """A swap killed between its two renames left site.old and no site: rename it back (every build starts here)."""
    old = _old(site_dir)
    if not site_dir.exists() and old.is_dir() and not old.is_symlink():
        old.rename(site_dir)


def _old(site_dir: Path) -> Path:
    return site_dir.with_name(site_dir.name + ".old")


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one atomic rename (Linux renameat2 with RENAME_EXCHANGE); False where that cannot be done."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError, TypeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_cwd, exchange = -100, 2  # AT_FDCWD, RENAME_EXCHANGE
    return renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), exchange) == 0


def remove_in_background(folder: Path) -> None:
    """Move folder out of the way and delete it in a thread: the new site is already served, and deleting a whole
    site (a few hundred folders) took up to 0.4 s of each `make serve` rebuild. The thread is not a daemon, so a
    `make site` process still finishes the deletion before it exits."""
    doomed = folder.with_name(f"{folder.name}-{os.getpid()}-{next(_removals)}")
    folder.rename(doomed)
    threading.Thread(target=shutil.rmtree, args=(doomed,), kwargs={"ignore_errors": True}, name=f"remove {doomed.name}").start()


_removals = itertools.count()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="从数据包构建网站：校验、计算进度、绘图、生成页面、mkdocs 构建。")
    parser.add_argument("package", nargs="?", default=str(DEFAULT_PACKAGE), help="datapackage.json 的路径（默认：仓库根目录的数据包）")
    parser.add_argument("--site-dir", default=str(SITE_DIR), help="网站输出目录（默认：site/）")
    parser.add_argument("--work-dir", default=str(BUILD_DIR), help="中间文件目录（默认：build/）")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        stages = build_site(args.package, Path(args.site_dir).resolve(), Path(args.work_dir).resolve(), keep_unchanged=True)
    except BuildFailed as error:
        print(say("build-failed", reason=error), file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001 - e.g. the swap itself: a Chinese sentence, never a traceback
        print(say("build-failed", reason=describe(error)), file=sys.stderr)
        return 1
    if "unchanged" in stages:
        print(say("unchanged", site=args.site_dir, seconds=stages["unchanged"]))
        return 0
    timings = "，".join(f"{name} {seconds:.2f} 秒" for name, seconds in stages.items())
    print(say("built", site=args.site_dir, seconds=time.perf_counter() - start, timings=timings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
