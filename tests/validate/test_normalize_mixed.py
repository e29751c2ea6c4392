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

    assert source.read_bytes().decode("utf-8") == "id,name,kind\nquzhou,衢州市经信局,city\nkjt,浙江省科学技术厅,dept\n"
    assert capsys.readouterr().out.splitlines() == [
        (f"{source}：编码不一致：第3行是 UTF-8（GitHub 网页上编辑时会这样），其余含中文的 1 行是 GBK/GB18030。"
        "已按每一行自己的编码转成 UTF-8，没有整份按一种编码读（那样会出现乱码）。"),
        f"{source} 第3行按 UTF-8 读取，请核对没有乱码：kjt,浙江省科学技术厅,dept",
        f"{source}：换行符从 CRLF 改成了 LF。",
        f"已写入 {source}（1 行从 GBK/GB18030 转成了 UTF-8，另改动 0 格）。",
    ]


def test_a_broken_descriptor_above_the_file_does_not_stop_normalize(tmp_path, capsys):
    (tmp_path / "datapackage.json").write_text('{"resources": [{"path": ["data", "units.csv"], "schema": "x"}]}', encoding="utf-8")
    (tmp_path / "data").mkdir()
    source = tmp_path / "data" / "units.csv"
    source.write_bytes("id,name\nkjt, 科技局\n".encode("gb18030"))
    assert main([str(source), "--in-place"]) == 0
    assert source.read_text(encoding="utf-8") == "id,name\nkjt,科技局\n"
    assert capsys.readouterr().out.splitlines()[-1] == f"已写入 {source}（改动 1 格）。"


def test_a_file_that_cannot_be_written_is_named_in_chinese(tmp_path, capsys):
    source = tmp_path / "units.csv"
    source.write_bytes("id,name\nkjt,科技局\n".encode("gb18030"))
    (tmp_path / "out").mkdir()
    assert main([str(source), "--output", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == f"{tmp_path / 'out'}：写不进这个文件（可能正被 Excel 打开，或者没有权限）。请关掉它后重试。\n"
