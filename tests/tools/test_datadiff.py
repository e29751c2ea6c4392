"""scripts.tools.datadiff: row, schema, version and progress changes between two packages, and the git path."""

import csv
import datetime
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.tools import datadiff
from scripts.tools.datadiff import CellChange, diff_packages, render_markdown
from scripts.core.package import read_package
from scripts.progress import results as progress_results
from tests.conftest import ROOT, SHIPPED, copy_package

# A tiny fictional package on the shipped schema. Tables not written here get a header row only.
FICTIONAL = {
    "areas.csv": """\
id,name,kind,order
quzhou,衢州市,city,1
kecheng,柯城区,district,2
""",
    "indicators.csv": """\
id,name,unit,headline,task_id,direction,target_kind,clause,note,order
output,规上工业增加值,亿元,true,,increase,level,规上工业增加值达到1000亿元,,1
digital,数字经济核心产业增加值,亿元,true,,increase,level,数字经济核心产业增加值达到200亿元,,2
""",
    "targets.csv": """\
indicator_id,year,value,comparator,note
output,2023,1000,>=,
digital,2023,200,>=,
""",
    "observations.csv": """\
indicator_id,area_id,period,value,status,source,source_url,source_type,original_publisher,published,note
output,quzhou,2021,800,final,统计公报,https://example.org/2021,original,,2022-03-01,
output,quzhou,2022,900,final,统计公报,https://example.org/2022,original,,2023-03-01,
digital,quzhou,2022,150,final,统计公报,https://example.org/2022,original,,2023-03-01,
""",
}


def write_fictional_package(destination: Path) -> Path:
    """The shipped schema at a version of its own (3.0.0), so the expectations do not follow the shipped data."""
    (destination / "data").mkdir(parents=True)
    descriptor = json.loads(SHIPPED.read_text(encoding="utf-8"))
    descriptor["version"] = "3.0.0"
    (destination / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    for resource in descriptor["resources"]:
        path = destination / resource["path"]
        header = ",".join(f["name"] for f in resource["schema"]["fields"]) + "\n"
        path.write_text(FICTIONAL.get(path.name, header), encoding="utf-8")
    return destination / "datapackage.json"


def change_observations(descriptor: Path) -> None:
    """Revise one observation, add one and remove one."""
    path = descriptor.parent / "data" / "observations.csv"
    path.write_text(
        """\
indicator_id,area_id,period,value,status,source,source_url,source_type,original_publisher,published,note
output,quzhou,2021,800,final,统计公报,https://example.org/2021,original,,2022-03-01,
output,quzhou,2022,950,final,统计公报,https://example.org/2022,original,,2023-03-01,修订
output,quzhou,2023,1010,provisional,快报,https://example.org/2023,original,,2024-01-20,
""",
        encoding="utf-8",
    )


@pytest.fixture
def old_descriptor(tmp_path: Path) -> Path:
    return write_fictional_package(tmp_path / "old")


@pytest.fixture
def new_descriptor(old_descriptor: Path, tmp_path: Path) -> Path:
    descriptor = copy_package(old_descriptor, tmp_path / "new")
    change_observations(descriptor)
    return descriptor


REAL_COMPUTE_PROGRESS = progress_results.compute_progress


@pytest.fixture(autouse=True)
def no_statuses(monkeypatch):
    """Progress has its own tests; here it assesses nothing unless a test supplies a stand-in."""
    monkeypatch.setattr(progress_results, "compute_progress", lambda package: {})


def resource(diff, name):
    return next(r for r in diff.resources if r.name == name)


def test_rows_added_removed_and_changed_by_primary_key(old_descriptor, new_descriptor):
    diff = diff_packages(read_package(old_descriptor), read_package(new_descriptor))
    observations = resource(diff, "observations")

    assert [(r["indicator_id"], r["period"], r["status"], r["value"]) for r in observations.added] == [
        ("output", "2023", "provisional", 1010.0)
    ]
    assert [(r["indicator_id"], r["period"], r["value"]) for r in observations.removed] == [("digital", "2022", 150.0)]
    assert [change.key for change in observations.changed] == [("output", "quzhou", "2022", "final")]
    assert observations.changed[0].cells == [
        CellChange("value", "数值", 900.0, 950.0),
        CellChange("note", "说明", None, "修订"),
    ]
    assert not observations.schema_changed
    assert [r.name for r in diff.resources if r.has_changes] == ["observations"]
    assert (diff.version_before, diff.version_after) == ("3.0.0", "3.0.0")


def test_markdown_names_columns_in_chinese(old_descriptor, new_descriptor):
    markdown = render_markdown(diff_packages(read_package(old_descriptor), read_package(new_descriptor)), base="origin/main")

    assert markdown.startswith("## 数据变化（与 origin/main 相比）\n")
    assert "新增 1 行，删除 1 行，修改 1 行。" in markdown
    assert "数据包版本：3.0.0（未变）。" in markdown
    assert "| 进展数字（observations） | 1 | 1 | 1 |  |" in markdown
    # Rows are named as readers know them: the indicator with its unit, the area, the period in words.
    assert "| 指标编号 / 区域编号 / 时期 / 数据状态 | 列 | 原值 | 新值 |" in markdown
    assert "| 规上工业增加值（亿元） / 衢州市 / 2022年 / 正式数 | 数值 | 900亿元 | 950亿元 |" in markdown
    assert "| 规上工业增加值（亿元） / 衢州市 / 2022年 / 正式数 | 说明 | （空） | 修订 |" in markdown
    assert "| 规上工业增加值（亿元） | 衢州市 | 2023年 | 1010亿元 | 初步数 | 快报 | https<!-- -->://example.org/2023 | 原发 |  | 2024-01-20 |  |" in markdown
    assert "| 数字经济核心产业增加值（亿元） | 衢州市 | 2022年 | 150亿元 | 正式数 |" in markdown
    assert "读者看到的指标状态：没有变化。" in markdown


def test_unchanged_package_is_one_line(old_descriptor, tmp_path):
    same = copy_package(old_descriptor, tmp_path / "same")
    markdown = render_markdown(diff_packages(read_package(old_descriptor), read_package(same)), base="HEAD")
    assert markdown == "数据无变化（与 HEAD 相比）。\n"


def test_version_and_schema_changes_are_noted(old_descriptor, tmp_path):
    changed = copy_package(old_descriptor, tmp_path / "changed")
    descriptor = json.loads(changed.read_text(encoding="utf-8"))
    descriptor["version"] = "3.1.0"
    areas = next(r for r in descriptor["resources"] if r["name"] == "areas")
    areas["schema"]["fields"].append({"name": "population", "type": "integer", "title": "常住人口"})
    areas["schema"]["fields"] = [f for f in areas["schema"]["fields"] if f["name"] != "kind"]
    changed.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")

    diff = diff_packages(read_package(old_descriptor), read_package(changed))
    markdown = render_markdown(diff)

    areas_diff = resource(diff, "areas")
    assert (areas_diff.fields_added, areas_diff.fields_removed, areas_diff.changed) == (["population"], ["kind"], [])
    assert "数据包版本：3.0.0 → 3.1.0。" in markdown
    assert "| 区域（areas） | 0 | 0 | 0 | 有变化 |" in markdown
    assert "表结构有变化：新增列 常住人口（population）；删除列 区域类型（kind）。" in markdown


def test_cells_cannot_break_the_table(old_descriptor, tmp_path):
    changed = copy_package(old_descriptor, tmp_path / "changed")
    (changed.parent / "data" / "areas.csv").write_text(
        'id,name,kind,order\nquzhou,"衢州|市\n[点我](javascript:alert(1)) <b>",city,1\nkecheng,柯城区,district,2\n',
        encoding="utf-8",
    )
    markdown = render_markdown(diff_packages(read_package(old_descriptor), read_package(changed)))
    assert "| quzhou | 区域名称 | 衢州市 | 衢州\\|市↵\\[点我\\](javascript:alert(1)) \\<b\\> |" in markdown


def test_long_tables_are_cut_with_a_count(old_descriptor, tmp_path):
    changed = copy_package(old_descriptor, tmp_path / "changed")
    with open(changed.parent / "data" / "areas.csv", "a", encoding="utf-8") as handle:
        handle.write("longyou,龙游县,county,3\nchangshan,常山县,county,4\nkaihua,开化县,county,5\n")
    markdown = render_markdown(diff_packages(read_package(old_descriptor), read_package(changed)), max_rows=2)
    assert "| longyou | 龙游县 | county | 3 |" in markdown
    assert "| changshan | 常山县 | county | 4 |" in markdown
    assert "kaihua" not in markdown
    assert "……另有 1 行未列出。" in markdown


def write_observations(descriptor: Path, text: str) -> None:
    (descriptor.parent / "data" / "observations.csv").write_text(
        "indicator_id,area_id,period,value,status,source,source_url,source_type,original_publisher,published,note\n" + text, encoding="utf-8")


def test_status_changes_are_the_words_readers_see(old_descriptor, tmp_path, monkeypatch):
    monkeypatch.setattr(progress_results, "compute_progress", REAL_COMPUTE_PROGRESS)
    write_observations(old_descriptor, """\
output,quzhou,2020,500,final,统计公报,https://example.org/2020,original,,2021-03-01,
output,quzhou,2021,800,final,统计公报,https://example.org/2021,original,,2022-03-01,
output,quzhou,2022,900,final,统计公报,https://example.org/2022,original,,2023-03-01,
digital,quzhou,2022-H1,100,provisional,快报,https://example.org/h1,original,,2022-08-01,
""")
    new = copy_package(old_descriptor, tmp_path / "new")
    with open(new.parent / "data" / "observations.csv", "a", encoding="utf-8") as handle:
        handle.write("output,quzhou,2023,1010,final,统计公报,https://example.org/2023,original,,2024-03-01,\n"
                     "digital,kecheng,2022,120,final,统计公报,https://example.org/kc,original,,2023-03-01,\n")

    markdown = render_markdown(diff_packages(read_package(old_descriptor), read_package(new)))

    # The plan (2021-2023) has ended, so readers see a report card. output: 2022's 900 decides nothing yet (the level
    # target is for 2023): 无法判断; 1010 in 2023 meets it: 已达成. digital: a half year, then a county figure for a
    # full year: it cannot be judged before or after, so readers see no change.
    assert "### 读者看到的指标状态有变化（1 项指标，写法与网站一致）" in markdown
    assert "| 规上工业增加值（亿元） | 无法判断 | 已达成 |" in markdown
    assert "| 数字经济核心产业增加值（亿元） | 无法判断 |" not in markdown


def test_provisional_then_final_is_one_figure_changed(old_descriptor, tmp_path):
    write_observations(old_descriptor, "output,quzhou,2022,900,provisional,快报,https://example.org/k,original,,2023-01-20,\n")
    new = copy_package(old_descriptor, tmp_path / "new")
    write_observations(new, "output,quzhou,2022,905,final,统计公报,https://example.org/2022,original,,2023-03-01,\n")

    diff = diff_packages(read_package(old_descriptor), read_package(new))
    observations = resource(diff, "observations")

    assert (observations.added, observations.removed) == ([], [])
    assert [change.key for change in observations.changed] == [("output", "quzhou", "2022", "final")]
    markdown = render_markdown(diff)
    assert "| 规上工业增加值（亿元） / 衢州市 / 2022年 / 正式数 | 数据状态 | 初步数 | 正式数 |" in markdown
    assert "| 规上工业增加值（亿元） / 衢州市 / 2022年 / 正式数 | 数值 | 900亿元 | 905亿元 |" in markdown
    assert "新增 0 行，删除 0 行，修改 1 行。" in markdown


def test_progress_failure_does_not_hide_the_diff(old_descriptor, new_descriptor, monkeypatch):
    def broken(package):
        raise KeyError("targets")

    monkeypatch.setattr(progress_results, "compute_progress", broken)
    markdown = render_markdown(diff_packages(read_package(old_descriptor), read_package(new_descriptor)))
    assert "无法计算进度变化（KeyError: 'targets'）。" in markdown
    assert "修改 1 行：" in markdown


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", *args],
        check=True,
        capture_output=True,
    )


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "scripts.tools.datadiff", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )


def test_cli_compares_with_a_git_ref(tmp_path):
    repo = tmp_path / "repo"
    descriptor = write_fictional_package(repo)
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "add", "-A")
    git(repo, "commit", "--quiet", "-m", "Fictional package")
    change_observations(descriptor)
    output = tmp_path / "diff.md"

    completed = run_cli("HEAD", "--package", str(descriptor), "--output", str(output))

    assert completed.returncode == 0, completed.stderr
    markdown = output.read_text(encoding="utf-8")
    assert markdown.startswith("## 数据变化（与 HEAD 相比）\n")
    assert "新增 1 行，删除 1 行，修改 1 行。" in markdown
    assert "| 规上工业增加值（亿元） / 衢州市 / 2022年 / 正式数 | 数值 | 900亿元 | 950亿元 |" in markdown

    git(repo, "add", "-A")
    git(repo, "commit", "--quiet", "-m", "Revise 2022")
    assert run_cli("HEAD", "--package", str(descriptor)).stdout.startswith("数据无变化（与 HEAD 相比）。")


def test_cli_reports_an_unknown_ref_in_chinese(tmp_path):
    repo = tmp_path / "repo"
    descriptor = write_fictional_package(repo)
    git(repo, "init", "--quiet")
    git(repo, "add", "-A")
    git(repo, "commit", "--quiet", "-m", "Fictional package")

    completed = run_cli("origin/no-such-branch", "--package", str(descriptor))

    assert completed.returncode == 1
    assert completed.stdout.startswith("无法比较数据变化：找不到基准版本 origin/no-such-branch")


@pytest.fixture
def history(tmp_path) -> Path:
    """A repository whose first commit is the fictional package and whose second revises, adds and removes a row;
    v2.0.0 tags the second, release#2 (a name git accepts) and main's upstream name the first."""
    repo = tmp_path / "repo"
    descriptor = write_fictional_package(repo)
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "add", "-A")
    git(repo, "commit", "--quiet", "-m", "Fictional package")
    git(repo, "branch", "release#2")
    git(repo, "branch", "first")
    change_observations(descriptor)
    git(repo, "commit", "--quiet", "-am", "Revise 2022")
    git(repo, "tag", "v2.0.0")
    git(repo, "branch", "--set-upstream-to=first", "main")
    return descriptor


@pytest.mark.parametrize("ref, shown", [("HEAD~1", "HEAD\\~1"), ("v2.0.0^", "v2.0.0^"), ("@{u}", "\\@{u}"),
                                        ("release#2", "release\\#<!-- -->2")])
def test_any_revision_git_reads_is_a_base(ref, shown, history, capsys):
    assert datadiff.main([ref, "--package", str(history)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"## 数据变化（与 {shown} 相比）\n")
    assert "新增 1 行，删除 1 行，修改 1 行。" in out


@pytest.mark.parametrize("ref", ["$(touch ran)", "x';touch ran;'", "`touch ran`", "main;touch ran", "main^{tree}"])
def test_a_ref_that_looks_like_a_command_is_only_a_name_git_does_not_know(ref, history, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)  # where `touch ran` would write, if anything ran it
    assert datadiff.main([ref, "--package", str(history)]) == 1
    assert capsys.readouterr().err == f"找不到基准版本 {ref}：请确认已取得该分支或提交（如 git fetch origin）。\n"
    assert not (tmp_path / "ran").exists() and not (history.parent / "ran").exists()


def test_tables_missing_at_the_ref_read_as_empty(tmp_path):
    repo = tmp_path / "repo"
    descriptor = write_fictional_package(repo)
    git(repo, "init", "--quiet")
    git(repo, "add", "datapackage.json")
    git(repo, "commit", "--quiet", "-m", "Descriptor only")

    completed = run_cli("HEAD", "--package", str(descriptor))

    assert completed.returncode == 0, completed.stderr
    assert "| 进展数字（observations） | 3 | 0 | 0 |  |" in completed.stdout
    assert "| 区域（areas） | 2 | 0 | 0 |  |" in completed.stdout


def test_shipped_package_one_value_revised(shipped_copy, tmp_path):
    revised = copy_package(shipped_copy, tmp_path / "revised")
    path = revised.parent / "data" / "observations.csv"
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        columns, rows = reader.fieldnames, list(reader)
    # The pinned copy's first figure (tests/fixtures/shipped-figures): a reprint that gives no publication date.
    assert (rows[0]["indicator_id"], rows[0]["period"], rows[0]["published"]) == ("manufacturing-investment-growth", "2022-Q1", "")
    rows[0]["published"] = "2099-01-01"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)

    diff = diff_packages(read_package(shipped_copy), read_package(revised))
    observations = resource(diff, "observations")

    assert [r.name for r in diff.resources if r.has_changes] == ["observations"]
    assert (observations.added, observations.removed) == ([], [])
    assert [c.cells for c in observations.changed] == [
        [CellChange("published", "发布日期", None, datetime.date(2099, 1, 1))]
    ]


def test_a_linked_data_file_is_refused_in_chinese(old_descriptor, tmp_path, capsys):
    import os

    units = old_descriptor.parent / "data" / "units.csv"
    units.unlink()
    os.symlink("/etc/passwd", units)
    with pytest.raises(datadiff.DiffError) as caught:
        datadiff.read(old_descriptor, "当前")
    assert str(caught.value) == (
        "无法读取当前的数据包：这是一个符号链接（快捷方式）。数据文件必须是数据包文件夹里的普通文件，请换成文件本身。"
        "请先运行 make validate 查看问题。")
    assert "root:" not in str(caught.value)
