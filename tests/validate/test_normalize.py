"""scripts.validate.normalize: Excel's GBK and BOM files to UTF-8, unambiguous cell slips fixed, every change reported."""

from scripts.validate.normalize import main, normalize_text
from scripts.validate.run import validate_package

AREAS = "id,name,kind,order\r\nquzhou,衢州市,city,1\r\nkecheng,柯城区 ,district,２\r\n"


def test_gbk_becomes_utf8_beside_the_original(tmp_path, capsys):
    source = tmp_path / "areas.csv"
    source.write_bytes(AREAS.encode("gb18030"))

    assert main([str(source)]) == 0

    assert source.read_bytes() == AREAS.encode("gb18030")
    converted = (tmp_path / "areas.utf8.csv").read_bytes()
    assert converted.decode("utf-8") == "id,name,kind,order\nquzhou,衢州市,city,1\nkecheng,柯城区,district,2\n"
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{source}：按 GBK/GB18030 编码读取，已转成 UTF-8。请核对第一行数据没有乱码：quzhou,衢州市,city,1",
        f"{source}：换行符从 CRLF 改成了 LF。",
        f"{source} 第3行 name：删掉了前后的空格：“柯城区 ” → “柯城区”",
        f"{source} 第3行 order：全角改成了半角：“２” → “2”",
        f"已写入 {tmp_path / 'areas.utf8.csv'}（改动 2 格）。核对无误后用它替换原文件，"
        "或者加 --in-place（make normalize 加 IN_PLACE=1）直接改原文件。",
    ]


def test_utf8_with_bom_loses_the_bom(tmp_path, capsys):
    source = tmp_path / "areas.csv"
    source.write_bytes(b"\xef\xbb\xbfid,name\nquzhou,\xe8\xa1\xa2\xe5\xb7\x9e\xe5\xb8\x82\n")

    assert main([str(source), "--output", str(tmp_path / "out.csv")]) == 0

    assert (tmp_path / "out.csv").read_bytes() == "id,name\nquzhou,衢州市\n".encode("utf-8")
    assert "删掉了文件开头的 BOM" in capsys.readouterr().out


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
    original = areas.read_text(encoding="utf-8")
    areas.write_bytes(original.encode("gb18030"))
    assert [p.code for p in validate_package(shipped_copy).problems] == ["encoding-gbk"]

    assert main([str(areas), "--in-place"]) == 0

    assert areas.read_text(encoding="utf-8") == original
    assert not (areas.parent / "areas.utf8.csv").exists()
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

    assert main([str(source)]) == 1

    assert "无法可靠转换" in capsys.readouterr().err
    assert not (tmp_path / "x.utf8.csv").exists()


def test_help_is_in_chinese(capsys):
    try:
        main(["--help"])
    except SystemExit as exit:
        assert exit.code == 0
    text = capsys.readouterr().out
    assert "默认不改原文件" in text and "--in-place" in text and ".utf8.csv" in text
