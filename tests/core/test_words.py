"""scripts.core.words: a target amount reads as the plan's fraction where the plan wrote one; numbers never
print inf, nan or float noise; every code a reader's copy of the data shows is written as a word."""

import pytest

from scripts.core.words import amount, number, plain_number


@pytest.mark.parametrize("value, unit, text", [
    (33.3333333333, "%", "三分之一（约33.33%）"),
    (66.6666666667, "%", "三分之二（约66.67%）"),
    (33.33, "%", "33.33%"),
    (50.0, "%", "50%"),
    (33.3333333333, "家", "33.33家"),  # only a percentage is a fraction of the whole
    (500, "台", "500台"),
])
def test_amount(value, unit, text):
    assert amount(value, unit) == text


@pytest.mark.parametrize("value, text", [
    (float("inf"), "—"), (float("-inf"), "—"), (float("nan"), "—"),
    (1e300, "1" + "0" * 300),  # not 1000000000000000052504760255204420248704468581108159154915854115111802457988…
    (1.5e16, "15000000000000000"),
    (999999999999999.0, "999999999999999"),
    (0.1 + 0.2, "0.3"),
    (-0.001, "0"),
])
def test_a_number_is_never_infinite_nan_or_noise(value, text):
    assert number(value) == text


@pytest.mark.parametrize("value, text", [
    (46.875, "46.875"),  # every decimal kept: it goes back into a CSV file, not onto a page
    (17.0, "17"), (500, "500"), (-3.5, "-3.5"),
    (1e16, "10000000000000000"),  # not 1e+16, which the validator refuses
    (1e-7, "0.0000001"),
])
def test_a_number_for_a_csv_file_is_exact_and_in_plain_digits(value, text):
    assert plain_number(value) == text


# ---- one home for every label ------------------------------------------------------------------------------------

import ast
import re
from pathlib import Path

from scripts.core import words
from tests.conftest import ROOT

# The words readers see as statuses, badges and marks: defined in scripts/core/words.py and nowhere else. A label of
# three characters (已达成, 已完成, …) is also an ordinary phrase of sentences: it counts only as a string of its own.
LABELS = {
    *words.STATUS_LABELS.values(), *words.NO_DATA_LABELS.values(), *words.FINAL_STATUS_LABELS.values(),
    *words.REPORT_STATUS_LABELS.values(), words.RELATED_TASKS_LABEL, words.NOT_SEEN_LABEL,
    words.MILESTONE_DONE, words.MILESTONE_NOT_DONE, words.MILESTONE_NOT_YET,
}
HOMED = sorted((label for label in LABELS if len(label) > 3), key=len, reverse=True)
SHORT = {label for label in LABELS if len(label) <= 3}


def python_strings(path: Path) -> list[tuple[int, str]]:
    """Every string literal of a module (f-string parts included), with its line, docstrings and comments left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def written_by_hand(text: str) -> list[str]:
    if text.strip() in SHORT:
        return [text.strip()]
    found = []
    for label in HOMED:
        if label in text:
            found.append(label)
            text = text.replace(label, "")  # a longer label is not also counted as the shorter one inside it
    return found


def test_no_label_is_typed_anywhere_but_in_words():
    typed = []
    for path in sorted((ROOT / "scripts").rglob("*.py")):
        if path == ROOT / "scripts" / "core" / "words.py":
            continue
        typed += [(str(path.relative_to(ROOT)), line, label) for line, text in python_strings(path) for label in written_by_hand(text)]
    for path in [*sorted((ROOT / "docs").rglob("*.md")), *sorted((ROOT / "overrides").rglob("*.html"))]:
        text = re.sub(r"\{\{.*?\}\}", "", path.read_text(encoding="utf-8"))  # {{ label("...") }} is how pages say one
        typed += [(str(path.relative_to(ROOT)), 0, label) for label in written_by_hand(text)]
    assert typed == []


def test_the_label_check_finds_a_label_typed_by_hand(tmp_path):
    module = tmp_path / "example.py"
    module.write_text('"""暂无数据 in a docstring is prose."""\nX = f"状态：{1}符合进度"\n', encoding="utf-8")
    assert [label for _, text in python_strings(module) for label in written_by_hand(text)] == ["符合进度"]
    assert written_by_hand("仅有阶段性数字，尚无全年数字") == ["仅有阶段性数字，尚无全年数字"]
    assert written_by_hand("已达成") == ["已达成"] and written_by_hand("已完成目标的比例") == []


def test_the_chinese_download_writes_revision_actions_and_search_results_as_words(small_package):
    from scripts.core.package import read_package
    from scripts.website.downloads import chinese_table

    data = small_package.parent / "data"
    with open(data / "revisions.csv", "a", encoding="utf-8") as handle:
        handle.write("tax-per-mu,quzhou,2020,final,2021-06-01,corrected,14,示例更正（虚构）\n")
    with open(data / "searches.csv", "a", encoding="utf-8") as handle:
        handle.write("new-firms,2023,2025-01-15,示例统计公报2023（虚构）,示例市 新增企业,found_other,,示例核查记录（虚构）：口径不同。\n")
    package = read_package(small_package)

    revisions = chinese_table(package, package.resource("revisions"))
    assert revisions[1] == ["tax-per-mu", "示例亩均税收", "quzhou", "示例市", "2020", "正式数", "2021-06-01", "更正", "14", "示例更正（虚构）"]
    searches = chinese_table(package, package.resource("searches"))
    assert [row[6] for row in searches] == ["结果", "没有找到", "找到口径或时期不符的数字"]
