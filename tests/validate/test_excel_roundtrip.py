"""What Excel and WPS do to a file on the way back, each named with its row and its fix: trailing separators,
full-width commas, an unclosed quote, mojibake, stray bytes, and the downloads' formula protection."""

import pytest

from scripts.core.csvcells import safe_cell
from scripts.validate.mojibake import unmangle
from scripts.validate.normalize import main as normalize
from scripts.website.downloads import copy_downloads
from scripts.core.package import read_package
from tests.helpers import OBS, flat as flat_all
from tests.validate.shared import DEMO_REVIEW, validate_package

NORMALIZE = "运行 make normalize FILE=data/observations.csv IN_PLACE=1"


def rewrite(descriptor, edit) -> None:
    path = descriptor.parent / OBS
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")


def about_the_files(report) -> list:
    """The problems of the data files: a fixture package is marked fictional (demo), which is listed for review."""
    return [p for p in report.problems if (p.file, p.row, p.column, p.code) != DEMO_REVIEW]


def lines(report) -> list[str]:
    return [p.line() for p in about_the_files(report)]


def flat(report) -> list[tuple]:
    return [item for item in flat_all(report) if item != DEMO_REVIEW]


def test_trailing_commas_on_every_line(small_package):
    rewrite(small_package, lambda text: "".join(line + ",,\n" for line in text.splitlines()))
    assert lines(validate_package(small_package)) == [
        "data/observations.csv 第1行：表头后面多了 2 个空列：每一行末尾都多了 “,,”（Excel/WPS 另存时常会这样）。"
        f"请{NORMALIZE} 自动删掉；或在 Excel 里选中表头右边的这几列，右键“删除”后重新保存。",
        "data/observations.csv：表头有错，本表各行这次没有检查。表头改好后请再检查一次。",
    ]


def test_trailing_commas_on_data_rows_only(small_package):
    rewrite(small_package, lambda text: text.replace("https://example.org/demo/2,original,,2022-03-01,\n", "https://example.org/demo/2,original,,2022-03-01,,\n"))
    assert lines(validate_package(small_package)) == [
        f"data/observations.csv 第3行：这一行末尾多了 1 个逗号，比表头多出 1 个空格。请删掉行末多余的逗号，或{NORMALIZE} 自动删掉。",
        "data/observations.csv：有几行的格数不对，本表各格这次没有逐一检查。把上面这几行改好后请再检查一次。",
    ]


def test_a_row_typed_with_full_width_commas(small_package):
    rewrite(small_package, lambda text: text + "robots，quzhou，2022，530，final，示例来源（虚构），https://example.org/demo/10，original，，2023-03-01，\n")
    report = validate_package(small_package)
    assert flat(report) == [(OBS, 11, None, "full-width-separator"), (OBS, None, None, "rows-not-checked-shape")]
    assert about_the_files(report)[0].message + about_the_files(report)[0].fix == (
        "这一行用中文逗号“，”分隔了各格，所以只读出了 1 格（表头有 11 列）。"
        f"请把这一行里用来分隔各格的“，”改成英文逗号“,”，或{NORMALIZE} 自动改正。")


def test_an_unclosed_quote_names_its_row_and_cell(small_package):
    rewrite(small_package, lambda text: text.replace(",示例来源（虚构）,https://example.org/demo/3,", ',"示例来源（虚构）,https://example.org/demo/3,'))
    report = validate_package(small_package)
    assert flat(report) == [(OBS, 4, "source", "unclosed-quote"), (OBS, None, None, "rows-not-checked-shape")]
    assert about_the_files(report)[0].line() == (
        "data/observations.csv 第4行 「来源」(source) 值“示例来源（虚构）,https://example.org/demo/3,original,,2022-03-01,”："
        "这一格以英文双引号“\"”开头，却没有配对的结尾引号，后面 7 行都被读进了这一格。"
        "请在这一格文字的末尾补上英文双引号“\"”，或删掉开头的引号；格里本来要写的引号请写成两个（\"\"）。")


@pytest.mark.parametrize("codec, name", [("gb18030", "GBK"), ("cp1252", "Windows-1252（西文）")])
def test_mojibake_is_an_error_naming_the_row_and_what_it_was(small_package, codec, name):
    garbled = "统计公报（虚构）".encode("utf-8").decode(codec)
    rewrite(small_package, lambda text: text.replace("示例来源（虚构）,https://example.org/demo/5,", garbled + ",https://example.org/demo/5,"))
    report = validate_package(small_package)
    assert flat(report) == [(OBS, 6, "source", "mojibake")]
    assert about_the_files(report)[0].message == f"这一格是乱码：文件曾被按 {name} 编码打开又保存，原文多半是“统计公报（虚构）”。"


def test_mojibake_detection_leaves_real_text_alone():
    # Words whose bytes happen to read as other text in GBK (联通, 实施), Western names, punctuation only.
    for text in ["联通", "实施", "Café", "naïve résumé", "·×—“”《》（），。", "①②", "衢州市经济和信息化局"]:
        assert unmangle(text) is None, text
    # Read wrongly twice (UTF-8 read as Windows-1252, saved, read so again).
    assert unmangle("市场".encode().decode("cp1252").encode().decode("cp1252")) == ("市场", "cp1252")


@pytest.mark.parametrize("written, code, mark", [
    ("示例\ufffd\ufffd来源（虚构）", "lost-characters", "��"),  # bytes a converter could not read
    ("示例锟斤拷锟斤拷来源（虚构）", "lost-characters", "锟斤拷锟斤拷"),  # the same, then read as GBK and saved as UTF-8
    ("原文：鈥滅ず渚嬫潵婧愨€", "mojibake-fragment", "鈥"),  # “ read as GBK, pasted beside good text
])
def test_lost_and_garbled_characters_in_a_cell_are_errors(small_package, written, code, mark):
    rewrite(small_package, lambda text: text.replace("示例来源（虚构）,https://example.org/demo/5,", written + ",https://example.org/demo/5,"))
    report = validate_package(small_package)
    assert [(p.row, p.column, p.code, p.value) for p in about_the_files(report)] == [(6, "source", code, written)]
    assert about_the_files(report)[0].message.startswith(f"这一格里有“{mark}”：")


def test_lost_characters_are_not_found_in_real_text():
    from scripts.validate.mojibake import lost_mark

    for text in ["衢州市经济和信息化局", "“全年新增工业机器人530台”", "《统计公报》、一季度（初步数）：", "锟", "斤拷"]:
        assert lost_mark(text) is None, text


def test_a_stray_latin1_byte_in_a_utf8_file_names_its_row(small_package):
    path = small_package.parent / OBS
    path.write_bytes(path.read_bytes().replace("示例来源（虚构）,https://example.org/demo/4,".encode(),
                                               "示例来源（虚构）Caf".encode() + b"\xe9" + ",https://example.org/demo/4,".encode()))
    assert lines(validate_package(small_package)) == [
        "data/observations.csv 第5行：文件是 UTF-8 编码，但第5行夹着 1 处不是 UTF-8 的字节（多半是从别的软件复制来的西文字符，如 é、’）。"
        "请打开这一行，把显示为乱码或问号的字符删掉重新输入，再按 UTF-8 保存；不要把整个文件按 GBK 转换（那样中文会变成乱码）。"]


def test_excel_dates_say_normalize_puts_them_back(small_package):
    rewrite(small_package, lambda text: text.replace("2022-03-01", "2022/3/1"))
    report = validate_package(small_package)
    assert [(p.row, p.code) for p in about_the_files(report)] == [(3, "excel-date"), (4, "excel-date"), (9, "excel-date")]
    assert about_the_files(report)[0].fix == ("请写成 2022-03-01（年-月-日，月和日都写两位）。Excel 另存时常把所有日期改成 2023/7/25 这样的写法，"
                                      f"{NORMALIZE} 可以一次改回。")
    assert normalize([str(small_package.parent / OBS), "--in-place"]) == 0
    assert about_the_files(validate_package(small_package)) == []


def test_a_date_message_offers_normalize_only_for_the_dates_it_puts_back(small_package):
    typed = {"2021-03-01,\n": "2021/3/1 0:00,\n", "demo/2,original,,2022-03-01": "demo/2,original,,2022年3月1日",
             "demo/3,original,,2022-03-01": "demo/3,original,,2022.3.1", "demo/4,original,,2023-03-01": "demo/4,original,,44986",
             "demo/5,original,,2023-03-01": "demo/5,original,,20230301", "demo/6,original,,2023-03-01": "demo/6,original,,2023年3月"}

    def edit(text: str) -> str:
        for old, new in typed.items():
            assert old in text, old
            text = text.replace(old, new, 1)
        return text

    rewrite(small_package, edit)
    put_back = f"Excel 另存时常把所有日期改成 2023/7/25 这样的写法，{NORMALIZE} 可以一次改回。"
    assert [(p.row, p.code, p.value, p.fix) for p in about_the_files(validate_package(small_package))] == [
        (2, "excel-date", "2021/3/1 0:00", "请写成 2021-03-01（年-月-日，月和日都写两位）。" + put_back),
        (3, "excel-date", "2022年3月1日", "请写成 2022-03-01（年-月-日，月和日都写两位）。" + put_back),
        (4, "excel-date", "2022.3.1", "请写成 2022-03-01（年-月-日，月和日都写两位）。" + put_back),
        (5, "excel-date", "44986", "这像是 Excel 的日期序号；如果指的是 2023-03-01，请把单元格设成“文本”后写成 2023-03-01。"),
        (6, "excel-date", "20230301", "请写成 2023-03-01（年-月-日，月和日都写两位）。"),
        (7, "excel-date", "2023年3月", "请写成 2023-01-01 这样的完整日期（年-月-日，月和日都写两位），不要估计。"),
    ]
    assert normalize([str(small_package.parent / OBS), "--in-place"]) == 0
    assert [(p.row, p.code, p.value) for p in about_the_files(validate_package(small_package))] == [
        (5, "excel-date", "44986"), (6, "excel-date", "20230301"), (7, "excel-date", "2023年3月")]  # left for a person


# ---- the site's downloads go to Excel and come back --------------------------------------------------------------


def test_downloads_carry_a_bom_and_come_back_valid(small_package, tmp_path):
    written = copy_downloads(read_package(small_package), tmp_path / "site-data")
    downloaded = tmp_path / "site-data" / "observations.csv"
    assert downloaded in written and downloaded.read_bytes().startswith(b"\xef\xbb\xbf")
    (small_package.parent / OBS).write_bytes(downloaded.read_bytes())  # opened, saved, put back
    assert about_the_files(validate_package(small_package)) == []


def test_a_protected_cell_coming_back_is_explained(small_package):
    protected = safe_cell("=HYPERLINK(\"https://example.org\")")
    assert protected.startswith("'=")
    rewrite(small_package, lambda text: text.replace("https://example.org/demo/6,original,,2023-03-01,", f"https://example.org/demo/6,original,,2023-03-01,\"{protected.replace(chr(34), chr(34) * 2)}\""))
    report = validate_package(small_package)
    assert [(p.row, p.column, p.code) for p in about_the_files(report)] == [(7, "note", "formula-protection")]
    assert about_the_files(report)[0].message == "开头的英文单引号“'”是本站下载文件为防止 Excel/WPS 把这一格当作公式执行而加的，不是数据的一部分。"


def test_true_and_false_that_excel_wrote_in_capitals_are_named_and_put_back(small_package, capsys):
    """Excel and WPS read true/false as booleans and save them as TRUE/FALSE: each cell is named with what to type,
    and make normalize writes the column back as the package writes it."""
    path = small_package.parent / "data" / "indicators.csv"
    original = path.read_text(encoding="utf-8")
    lines_in = original.splitlines(keepends=True)
    lines_in[1] = lines_in[1].replace(",true,", ",TRUE,")
    lines_in[2] = lines_in[2].replace(",false,", ",False,")
    path.write_text("".join(lines_in), encoding="utf-8")
    fix = "请改回 {}；整列都被改写的，运行 make normalize FILE=data/indicators.csv IN_PLACE=1 一次改回。"
    said = "这是 Excel/WPS 的写法：它打开又保存这个文件时，把 true、false 改成了大写。"
    assert lines(validate_package(small_package)) == [
        f"data/indicators.csv 第2行 「核心指标」(headline) 值“TRUE”：{said}{fix.format('true')}",
        f"data/indicators.csv 第3行 「核心指标」(headline) 值“False”：{said}{fix.format('false')}",
    ]
    assert normalize([str(path), "--in-place"]) == 0
    assert path.read_text(encoding="utf-8-sig") == original.removeprefix("\ufeff")
    assert "Excel/WPS 改写的 TRUE 改回了 true" in capsys.readouterr().out
    assert lines(validate_package(small_package)) == []


def test_a_boolean_that_is_not_one_in_any_case_keeps_the_plain_message(small_package):
    path = small_package.parent / "data" / "indicators.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",true,", ",是,", 1), encoding="utf-8")
    assert lines(validate_package(small_package)) == [
        "data/indicators.csv 第2行 「核心指标」(headline) 值“是”：这一格不是可以填的值。只能填 true 或 false。"]
