"""The Great Expectations layer: run the JSON suites in validations/ on package frames; failures become problems."""

from __future__ import annotations

import functools
import json
import os
import re
import threading
from pathlib import Path

import pandas as pd

from scripts.core.paths import SUITES_DIR
from scripts.validate import frames
from scripts.validate.problems import ERROR, WARNING, Problem, problem
from scripts.validate.rawcsv import RawTable
from scripts.validate.store import ValidationCache

RESULT_FORMAT = {"result_format": "COMPLETE", "unexpected_index_column_names": ["_i"]}
_PARAMETER = re.compile(r'"\$PARAMETER":\s*"(\w+)"')
_CONTEXT_RESERVED = {"file", "row", "column", "value", "severity", "code"}


@functools.cache
def _gx():
    """Import Great Expectations once, on first use (the import takes about two seconds)."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations

    return great_expectations


_LOCK = threading.Lock()  # one suite at a time through the process's one data source
_BATCHES: dict[int, object] = {}  # position in a run -> the batch definition of its data frame asset


@functools.cache
def _data_source():
    """The process's one pandas data source in an in-memory context, made on first use and reused by every run:
    making a context and adding a data source and an asset per suite saved the context's whole configuration
    (YAML) once per asset, a fifth of the suites' time on a small package. A batch is made from the frame handed
    to it, so a data source holds nothing of an earlier run's data."""
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = _gx().get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return context.data_sources.add_pandas("package")


def _batch_definition(number: int):
    """The whole-frame batch definition for the suite at this position of a run (asset names are ours, not the file's)."""
    if number not in _BATCHES:
        asset = _data_source().add_dataframe_asset(f"suite-{number}")  # the file's own name may be anything
        _BATCHES[number] = asset.add_batch_definition_whole_dataframe("all")
    return _BATCHES[number]


def plan_parameters(descriptor: dict) -> dict:
    """Expectation parameters from the descriptor's plan, e.g. plan_start_year; suites refer to them by name."""
    return {f"plan_{key}": value for key, value in descriptor.get("plan", {}).items() if isinstance(value, int)}


def load_suites(directory: Path = SUITES_DIR) -> dict[str, dict]:
    """The suites that can run, by file name (scripts/validate/rules.py reports the others)."""
    from scripts.validate.rules import read_rules

    return read_rules(directory).suites


def check_expectations(tables: dict[str, RawTable], descriptor: dict, suites: dict[str, dict] | None = None,
                       cache: ValidationCache | None = None) -> list[Problem]:
    """Run each suite (file name -> suite) on its frame (meta.frame); skip a suite whose tables or plan parameters
    are missing. With a cache, a suite whose inputs did not change since a run that stored its result is not run
    again. A suite that Great Expectations cannot run is a problem named after its file."""
    suites = load_suites() if suites is None else suites
    files = {id(data): f"{SUITES_DIR.name}/{name}" for name, data in suites.items()}
    suites = list(suites.values())
    parameters = plan_parameters(descriptor)
    titles = {(r["path"], f["name"]): f.get("title", f["name"]) for r in descriptor["resources"] for f in r["schema"]["fields"]}
    built: dict[str, pd.DataFrame | None] = {}
    sources = _Recording(tables)
    read: dict[str, set[str]] = {}  # frame -> the tables its builder looked at (present or not)
    runnable = []
    for data in suites:
        name = data["meta"]["frame"]
        if name not in built:
            sources.read = set()
            built[name] = frames.build(name, sources, descriptor)
            read[name] = sources.read
        needed = set(_PARAMETER.findall(json.dumps(data)))
        if built[name] is not None and len(built[name]) and needed <= parameters.keys():
            runnable.append(data)
    keys = [_suite_key(cache, data, tables, read[data["meta"]["frame"]], descriptor) for data in runnable]
    stored = [cache.problems(key) if key else None for key in keys]
    to_run = [(data, key, files[id(data)]) for data, key, done in zip(runnable, keys, stored) if done is None]
    ran = iter(_run_suites(to_run, built, tables, parameters, titles, cache) if to_run else [])
    return [p for done in stored for p in (next(ran) if done is None else done)]  # in suite order, as without a cache


class _Recording(frames.Tables):
    """The tables, noting which ones a frame builder asks for or asks about: what a suite's result depends on."""

    def __init__(self, tables: dict[str, RawTable]):
        super().__init__(tables)
        self.read: set[str] = set()

    def __contains__(self, name: str) -> bool:
        self.read.add(name)
        return super().__contains__(name)

    def __getitem__(self, name: str) -> pd.DataFrame:
        self.read.add(name)
        return super().__getitem__(name)


def _suite_key(cache, data: dict, tables: dict[str, RawTable], read: set[str], descriptor: dict) -> str | None:
    """The hash of what the suite reads (the tables its frame read, the descriptor, itself), when results are cached."""
    if cache is None:
        return None
    return cache.suite_key(data, descriptor, {name: tables.get(name) for name in sorted(read)})


def _run_suites(runnable: list[tuple[dict, str | None, str]], built: dict, tables: dict[str, RawTable], parameters: dict,
                titles: dict, cache: ValidationCache | None = None) -> list[list[Problem]]:
    """Each suite's problems, in order; Great Expectations is imported here, when a suite has to run."""
    gx = _gx()
    results = []
    for number, (data, key, file) in enumerate(runnable):
        frame = built[data["meta"]["frame"]]
        try:
            suite = gx.ExpectationSuite(**data)
            with _LOCK:
                batch = _batch_definition(number).get_batch(batch_parameters={"dataframe": frame})
                result = batch.validate(suite, expectation_parameters=parameters, result_format=RESULT_FORMAT)
            problems = [p for outcome in result.results for p in _problems(outcome, frame, tables, parameters, titles, file)]
        except Exception as error:  # noqa: BLE001 - a suite that cannot run is blamed on its own file
            problems = [problem("rules-file-shape", file, what=f"Great Expectations 不能运行它（{type(error).__name__}）",
                                frames="、".join(frames.FRAMES))]
        if key:
            cache.keep_problems(key, problems)
        results.append(problems)
    return results


def _problems(outcome, frame: pd.DataFrame, tables: dict[str, RawTable], parameters: dict, titles: dict, suite: str):
    config = outcome.expectation_config
    if outcome.exception_info and outcome.exception_info.get("raised_exception"):
        raise RuntimeError(f"suite {suite}: {config.type} could not run: {outcome.exception_info.get('exception_message')}")
    if outcome.success:
        return []
    code, column = config.meta["code"], config.meta["column"]
    severity = WARNING if str(getattr(config.severity, "value", config.severity)) in ("warning", "info") else ERROR
    by_file = {t.file: t for t in tables.values()}
    found = []
    for hit in outcome.result.get("unexpected_index_list") or []:
        row = frame.iloc[int(hit["_i"])]
        file, number = row["_file"], int(row["_row"])
        columns = column.split(",")
        cells = [by_file[file].cell(number, c) or "" for c in columns]
        context = {k: _text(v) for k, v in row.items() if k not in _CONTEXT_RESERVED and not k.startswith("_")}
        context.update(parameters, key_titles="、".join(f"「{titles.get((file, c), c)}」" for c in columns))
        found.append(problem(code, file, number, column, " / ".join(cells), severity=severity, **context))
    return found


def _text(value) -> str:
    """A frame cell as the message shows it: dates as 2023-12-31, whole numbers without .0."""
    if value is None or (not isinstance(value, (list, str)) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
