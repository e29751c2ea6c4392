"""scripts.validate.normalize: Excel's GBK and BOM files to UTF-8, unambiguous cell slips fixed, every change reported."""

import pytest

from scripts.validate.excelforms import iso_date
from scripts.validate.normalize import Field, main, normalize_text
from scripts.validate.run import validate_package

AREAS = "id,name,kind,order\r\nquzhou,衢州市,city,1\r\nkecheng,柯城区 ,district,２\r\n"


def test_gbk_is_previewed_and_nothing_written(tmp_path, capsys):
    source = tmp_path / "areas.csv"
    source.write_bytes(AREAS.encode("gb18030"))

    assert main([str(source)]) == 0

    assert source.read_bytes() == AREAS.encode("gb18030")
    assert [p.name for p in tmp_path.iterdir()] == ["areas.csv"]  # no stray file beside it
    assert capsys.readouterr().out.splitlines() == [
        f"{source}：按 GBK/GB18030 编码读取，转成带 BOM 的 UTF-8。请核对中文没有乱码，第2行：quzhou,衢州市,city,1",
        f"{source}：换行符从 CRLF 改成了 LF。",
        f"{source} 第3行 name：删掉了前后的空格：“柯城区 ” → “柯城区”",
        f"{source} 第3行 order：全角改成了半角：“２” → “2”",
        f"以上是预览，没有改动任何文件。核对无误后加 --in-place（make normalize FILE={source} IN_PLACE=1）改写原文件。",
    ]


def test_in_place_writes_utf8_with_a_bom(tmp_path, capsys):
    source = tmp_path / "areas.csv"
    source.write_bytes(AREAS.encode("gb18030"))

    assert main([str(source), "--in-place"]) == 0

    assert source.read_bytes() == "\ufeffid,name,kind,order\nquzhou,衢州市,city,1\nkecheng,柯城区,district,2\n".encode("utf-8")
    assert capsys.readouterr().out.splitlines()[-1] == f"已写入 {source}（改动 2 处）。"


def test_the_preview_shows_the_first_chinese_text_of_a_long_row(tmp_path, capsys):
    source = tmp_path / "observations.csv"
    row = "manufacturing-investment-growth,quzhou,2022-Q1,46.8,provisional,衢州市统计局数据，新闻转载,http://m.example.org/1,original,,,说明"
    source.write_bytes(("indicator_id,area_id,period,value,status,source,source_url,source_type,original_publisher,published,note\n" + row + "\n").encode("gb18030"))

    assert main([str(source)]) == 0

    assert capsys.readouterr().out.splitlines()[0] == (
        f"{source}：按 GBK/GB18030 编码读取，转成带 BOM 的 UTF-8。请核对中文没有乱码，"
        "第2行：…Q1,46.8,provisional,衢州市统计局数据，新闻转载,http://m.example.org/1,original,,,说明")


def test_utf8_without_a_bom_gets_one(tmp_path, capsys):
    source = tmp_path / "areas.csv"
    source.write_bytes("id,name\nquzhou,衢州市\n".encode("utf-8"))

    assert main([str(source), "--output", str(tmp_path / "out.csv")]) == 0

    assert (tmp_path / "out.csv").read_bytes() == "\ufeffid,name\nquzhou,衢州市\n".encode("utf-8")
    assert f"{source}：加上了 BOM（带 BOM 的 UTF-8 在 Excel/WPS 里双击打开不会乱码）。" in capsys.readouterr().out


def test_a_file_in_the_package_form_is_left_alone(tmp_path, capsys):
    source = tmp_path / "areas.csv"
    source.write_bytes("\ufeffid,name\nquzhou,衢州市\n".encode("utf-8"))
    assert main([str(source), "--in-place"]) == 0
    assert capsys.readouterr().out == f"没有需要修改的地方，{source} 未改动。\n"


def test_zero_width_characters_are_removed_row_by_row():
    text, changes = normalize_text("id,note\na,说\u200b明\nb,\ufeff备注\n")

    assert text == "id,note\na,说明\nb,备注\n"
    assert [(c.row, c.column, c.after) for c in changes] == [(2, "note", "说明"), (3, "note", "备注")]
    assert "零宽空格 U+200B" in changes[0].what and "U+FEFF" in changes[1].what


def test_only_whole_cells_of_full_width_digits_change():
    text, changes = normalize_text("period,note\n２０２３－Ｑ１,２０２２年统计公报\n")

    assert text == "period,note\n2023-Q1,２０２２年统计公报\n"
    assert [(c.row, c.column, c.before, c.after) for c in changes] == [(2, "period", "２０２３－Ｑ１", "2023-Q1")]


def test_multiline_cells_keep_their_line_breaks_and_excel_row_numbers():
    text, changes = normalize_text('id,text\na,"第一行\n第二行"\nb, 尾 \n')

    assert text == 'id,text\na,"第一行\n第二行"\nb,尾\n'
    assert [(c.row, c.column) for c in changes] == [(3, "text")]


def test_in_place_changes_the_file_and_then_validates(shipped_copy, capsys):
    areas = shipped_copy.parent / "data/areas.csv"
    original = areas.read_bytes()
    assert original.startswith(b"\xef\xbb\xbf")  # the package's CSVs carry a BOM
    areas.write_bytes(original.decode("utf-8-sig").encode("gb18030"))
    assert [p.code for p in validate_package(shipped_copy).problems] == ["encoding-gbk"]

    assert main([str(areas), "--in-place"]) == 0

    assert areas.read_bytes() == original
    assert validate_package(shipped_copy).problems == []
    assert "「区域编号」" not in capsys.readouterr().out  # nothing changed but the encoding


def test_titles_come_from_the_package(shipped_copy, capsys):
    areas = shipped_copy.parent / "data/areas.csv"
    areas.write_text(areas.read_text(encoding="utf-8").replace("柯城区", "柯城区\u3000"), encoding="utf-8")

    assert main([str(areas), "--in-place"]) == 0

    assert f"{areas} 第3行 「区域名称」(name)：删掉了前后的空格：“柯城区\u3000” → “柯城区”" in capsys.readouterr().out.splitlines()


def test_stdout_output_leaves_the_report_on_stderr(tmp_path, capsys):
    source = tmp_path / "x.csv"
    source.write_bytes("id\n１\n".encode("gb18030"))

    assert main([str(source), "--output", "-"]) == 0

    captured = capsys.readouterr()
    assert captured.out == "id\n1\n"
    assert "全角改成了半角" in captured.err


def test_undecodable_bytes_are_refused(tmp_path, capsys):
    source = tmp_path / "x.csv"
    source.write_bytes(b"id,name\n1,\xff\xfe\xfa\n")

    assert main([str(source), "--in-place"]) == 1

    assert capsys.readouterr().err == (f"{source}：第2行起的字节既不是 UTF-8 也不是 GBK/GB18030，无法可靠转换，没有改动任何文件。"
                                       "请在 Excel/WPS 里另存为“CSV UTF-8(逗号分隔)(*.csv)”。\n")
    assert source.read_bytes() == b"id,name\n1,\xff\xfe\xfa\n"


def test_help_is_in_chinese(capsys):
    try:
        main(["--help"])
    except SystemExit as exit:
        assert exit.code == 0
    text = capsys.readouterr().out
    assert "默认只预览" in text and "--in-place" in text and "带 BOM 的 UTF-8" in text


# ---- what Excel does to a file on the way back ----------------------------------------------------------------------

OBS_HEADER = "indicator_id,area_id,period,value,status,source,source_url,published,note"


def test_excel_dates_are_put_back_in_every_row_of_a_date_column():
    fields = {"published": Field("发布日期", "date"), "note": Field("说明", "string")}
    text, changes = normalize_text("id,published,note\na,2023/7/25,2023/7/25\nb,2023-07-26,\nc,2024/2/30,\nd,2023/12/1 0:00,\n", fields)

    assert text == "id,published,note\na,2023-07-25,2023/7/25\nb,2023-07-26,\nc,2024/2/30,\nd,2023-12-01,\n"
    assert [(c.row, c.column, c.before, c.after, c.what) for c in changes] == [
        (2, "published", "2023/7/25", "2023-07-25", "Excel 的日期写法改成了年-月-日"),
        (5, "published", "2023/12/1 0:00", "2023-12-01", "Excel 的日期写法改成了年-月-日"),
    ]  # a note that reads like a date is text; 2024/2/30 is no date, left for the validator to name


@pytest.mark.parametrize("cell, iso", [
    ("2023/7/25", "2023-07-25"), ("2023/7/25 0:00", "2023-07-25"), ("2023/7/25 00:00:00", "2023-07-25"),
    ("2023年7月25日", "2023-07-25"), ("2023.7.25", "2023-07-25"), ("2023-7-25", "2023-07-25"), ("２０２３／７／２５", "2023-07-25"),
    ("2023-07-25", None),  # already right
    ("45132", None),  # an Excel serial number: a date only in Excel's 1900 date system
    ("20230725", None), ("2023年7月", None), ("7/25/2023", None), ("2024/2/30", None), ("2023/7/25 14:30", None),
])
def test_one_reading_of_excel_and_chinese_dates(cell, iso):
    assert iso_date(cell) == iso


def test_normalize_puts_back_the_chinese_and_dotted_dates_and_leaves_serial_numbers():
    fields = {"published": Field("发布日期", "date")}
    text, changes = normalize_text("id,published\na,2023年7月25日\nb,2023.7.25\nc,45132\nd,2023年7月\n", fields)

    assert text == "id,published\na,2023-07-25\nb,2023-07-25\nc,45132\nd,2023年7月\n"
    assert [(c.row, c.before, c.after, c.what) for c in changes] == [
        (2, "2023年7月25日", "2023-07-25", "日期的写法改成了年-月-日"), (3, "2023.7.25", "2023-07-25", "日期的写法改成了年-月-日")]


def test_trailing_empty_columns_are_dropped_from_header_and_rows():
    text, changes = normalize_text("id,name,,\na,甲,,\nb,乙,,\n")

    assert text == "id,name\na,甲\nb,乙\n"
    assert [(c.row, c.column, c.what) for c in changes] == [
        (1, "整行", "删掉了表头后面的 2 个空列"), (2, "整行", "删掉了行末多余的 2 个逗号"), (3, "整行", "删掉了行末多余的 2 个逗号")]


def test_trailing_separators_on_data_rows_only():
    text, changes = normalize_text("id,name\na,甲,\nb,乙\n")
    assert text == "id,name\na,甲\nb,乙\n"
    assert [(c.row, c.what) for c in changes] == [(2, "删掉了行末多余的 1 个逗号")]


def test_a_row_typed_with_full_width_commas_is_split():
    text, changes = normalize_text("id,name,kind\na，甲，city\nb,乙，丙,city\n")

    assert text == "id,name,kind\na,甲,city\nb,乙，丙,city\n"  # a full-width comma inside a cell stays
    assert [(c.row, c.before, c.after, c.what) for c in changes] == [
        (2, "a，甲，city", "a,甲,city", "把分隔各格的中文逗号“，”改成了英文逗号“,”")]


def test_the_downloads_formula_protection_is_taken_off():
    text, changes = normalize_text("id,note\na,'=A1+1\nb,'＝说明\nc,'说明\n")
    assert text == "id,note\na,=A1+1\nb,＝说明\nc,'说明\n"
    assert [(c.row, c.what) for c in changes] == [(2, "删掉了下载文件为防公式而加的单引号"), (3, "删掉了下载文件为防公式而加的单引号")]


def test_mojibake_is_named_but_not_guessed_back(tmp_path, capsys):
    source = tmp_path / "units.csv"
    garbled = "市发改委".encode("utf-8").decode("gb18030", "replace")
    source.write_bytes(f"\ufeffid,name\nndrc,{garbled}\n".encode("utf-8"))

    assert main([str(source), "--in-place"]) == 0

    out = capsys.readouterr().out.splitlines()
    assert out[0] == (f"{source} 第2行 name：这一格是乱码（曾按 GBK 打开又保存），原文多半是“市发改委”；"
                      "normalize 不能修复，请从仓库重新下载这个文件后再改。")
    assert source.read_bytes() == f"\ufeffid,name\nndrc,{garbled}\n".encode("utf-8")
