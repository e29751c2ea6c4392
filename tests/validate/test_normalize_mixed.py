"""normalize on a GBK file with a line in UTF-8 appended (the GitHub web editor): each line decoded on its own."""

from scripts.validate.lineencoding import Decoded, decode_lines
from scripts.validate.normalize import main

GBK_PART = "id,name,kind\r\nquzhou,衢州市经信局,city\r\n"
UTF8_PART = "kjt,浙江省科学技术厅,dept\n"


def test_lines_are_decoded_each_in_its_own_encoding():
    data = GBK_PART.encode("gb18030") + UTF8_PART.encode("utf-8")
    assert decode_lines(data) == Decoded(
        "id,name,kind\r\nquzhou,衢州市经信局,city\r\nkjt,浙江省科学技术厅,dept\n", "mixed", utf8_lines=[3], gbk_lines=[2]
    )


def test_a_gbk_line_that_is_also_valid_utf8_is_read_as_gbk():
    # 实施 in GBK is CA B5 CA A9, which is also UTF-8 for "ʵʩ" (Latin letters no Chinese text holds).
    assert "实施".encode("gb18030").decode("utf-8") == "ʵʩ"
    data = "id,name\n2,实施\n3,衢州\n".encode("gb18030")
    assert decode_lines(data) == Decoded("id,name\n2,实施\n3,衢州\n", "gb18030", utf8_lines=[], gbk_lines=[2, 3])


def test_utf8_and_utf16_files_are_read_whole():
    assert decode_lines("id\n衢州\n".encode()) == Decoded("id\n衢州\n", "utf-8")
    assert decode_lines("id\n衢州\n".encode("utf-16")) == Decoded("id\n衢州\n", "utf-16")


def test_normalize_fixes_the_mixed_file_and_says_so(tmp_path, capsys):
    source = tmp_path / "units.csv"
    source.write_bytes(GBK_PART.encode("gb18030") + UTF8_PART.encode("utf-8"))

    assert main([str(source), "--in-place"]) == 0

    assert source.read_bytes().decode("utf-8") == "\ufeffid,name,kind\nquzhou,衢州市经信局,city\nkjt,浙江省科学技术厅,dept\n"
    assert capsys.readouterr().out.splitlines() == [
        (f"{source}：编码不一致：第3行是 UTF-8（GitHub 网页上编辑时会这样），其余含中文的 1 行是 GBK/GB18030。"
        "已按每一行自己的编码转换，没有整份按一种编码读（那样会出现乱码）。"),
        f"{source} 第3行按 UTF-8 读取，请核对没有乱码：kjt,浙江省科学技术厅,dept",
        f"{source}：换行符从 CRLF 改成了 LF。",
        f"已写入 {source}（1 行从 GBK/GB18030 转成了 UTF-8，另改动 0 处）。",
    ]


def test_a_broken_descriptor_above_the_file_does_not_stop_normalize(tmp_path, capsys):
    (tmp_path / "datapackage.json").write_text('{"resources": [{"path": ["data", "units.csv"], "schema": "x"}]}', encoding="utf-8")
    (tmp_path / "data").mkdir()
    source = tmp_path / "data" / "units.csv"
    source.write_bytes("id,name\nkjt, 科技局\n".encode("gb18030"))
    assert main([str(source), "--in-place"]) == 0
    assert source.read_text(encoding="utf-8") == "\ufeffid,name\nkjt,科技局\n"
    assert capsys.readouterr().out.splitlines()[-1] == f"已写入 {source}（改动 1 处）。"


def test_a_file_that_cannot_be_written_is_named_in_chinese(tmp_path, capsys):
    source = tmp_path / "units.csv"
    source.write_bytes("id,name\nkjt,科技局\n".encode("gb18030"))
    (tmp_path / "out").mkdir()
    assert main([str(source), "--output", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == f"{tmp_path / 'out'}：写不进这个文件（可能正被 Excel 打开，或者没有权限）。请关掉它后重试。\n"


# ---- a line that cannot be decoded unambiguously stops normalize: its Excel row named, nothing written -------------

STOPPED = "这一行按哪种编码读都不能确定，没有改动任何文件。"


def refused(tmp_path, capsys, data: bytes) -> str:
    source = tmp_path / "units.csv"
    source.write_bytes(data)
    assert main([str(source), "--in-place"]) == 1
    assert source.read_bytes() == data and [p.name for p in tmp_path.iterdir()] == ["units.csv"]
    return capsys.readouterr().err.replace(str(source), "units.csv")


def test_one_latin1_e_acute_in_row_3_of_a_utf8_file(tmp_path, capsys):
    data = "id,name\na,衢州市经信局\n".encode() + "b,衢州市发改委（Café".encode() + b"\xe9" + "）\nc,衢州市科技局\n".encode()
    assert refused(tmp_path, capsys, data).startswith(f"units.csv：第3行夹着 1 处不是 UTF-8 的字节（多半是从别的软件复制来的西文字符，如 é），{STOPPED}")


def test_a_latin1_byte_that_gbk_would_read_as_chinese(tmp_path, capsys):
    # é + s is a valid GBK pair: read as GBK the line would silently become 閟. The file is UTF-8 elsewhere.
    assert b"\xe9s".decode("gb18030")
    data = "id,name\na,衢州市经信局\n".encode() + b"b,Caf\xe9s\n" + "c,衢州市科技局\n".encode()
    assert refused(tmp_path, capsys, data).startswith("units.csv：第3行夹着 1 处不是 UTF-8 的字节")


def test_a_windows_1252_quote_in_a_utf8_line(tmp_path, capsys):
    data = "id,name\na,衢州市经信局\n".encode() + "b,衢州市".encode() + b"\x92" + "s 科技局\n".encode()
    assert "第3行" in refused(tmp_path, capsys, data)


def test_the_row_is_the_excel_row_after_a_cell_with_a_line_break(tmp_path, capsys):
    data = 'id,name\na,"衢州市\n经信局"\n'.encode() + "b,衢州市发改委".encode() + b"\xe9" + "\n".encode()
    assert refused(tmp_path, capsys, data).startswith("units.csv：第3行夹着")  # line 4 of the file, row 3 in Excel


def test_gbk_and_utf8_chinese_in_one_line(tmp_path, capsys):
    data = "id,name\n".encode() + "a,衢州市".encode("gb18030") + "经信局衢州市科技局\n".encode()
    assert "第2行" in refused(tmp_path, capsys, data)


def test_a_lone_gbk_character_after_a_cell_with_a_line_break_names_its_excel_row(tmp_path, capsys):
    # Line 4 of the file is Excel row 3: the cell of row 2 spans lines 2 and 3.
    data = 'id,name\na,"衢州\n市经信局"\n'.encode() + b"b,\xc4\xe3\n" + "c,衢州市科技局\n".encode()
    assert refused(tmp_path, capsys, data).startswith(f"units.csv：第3行夹着 1 处不是 UTF-8 的字节（多半是从别的软件复制来的西文字符，如 é），{STOPPED}")
